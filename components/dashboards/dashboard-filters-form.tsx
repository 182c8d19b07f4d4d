import Link from "next/link";
import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import { FilterSelect, SubmitButton } from "@/components/ui/form-controls";
import { dateParam } from "@/lib/dashboards/dashboard-query";
import { DEFAULT_SESSION_RUBRIC, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { paths } from "@/lib/url";

const kindOptions = [
  { value: "HUMAN", label: "Human" },
  { value: "LLM", label: "LLM" },
  { value: "CODE", label: "Code" },
];
const bucketOptions = [
  { value: "day", label: "Day" },
  { value: "week", label: "Week" },
];
const dateField = "h-8 rounded border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-indigo-500";

// The dashboards' filters as a GET form: the URL is the state, so a view can be shared or bookmarked.
export function DashboardFiltersForm({ project, filters, reviewers }: { project: string; filters: DashboardFilters; reviewers: { id: string; name: string }[] }) {
  const day = (date: Date | undefined) => dateParam(date)?.slice(0, 10) ?? "";
  return (
    <AutoSubmitForm label="Dashboard filters" className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3">
      <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
        From
        <input type="date" name="from" defaultValue={day(filters.from)} className={dateField} />
      </label>
      <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
        Before
        <input type="date" name="to" defaultValue={day(filters.to)} className={dateField} />
      </label>
      <FilterSelect name="reviewer" label="Reviewer" value={filters.reviewer} options={reviewers.map((r) => ({ value: r.id, label: r.name }))} anyLabel="Everyone" />
      <FilterSelect name="kind" label="Annotator kind" value={filters.kind} options={kindOptions} anyLabel="All kinds" />
      <FilterSelect name="bucket" label="Over time by" value={filters.bucket} options={bucketOptions} anyLabel={null} />
      {filters.session !== DEFAULT_SESSION_RUBRIC ? <input type="hidden" name="session" value={filters.session} /> : null}
      {filters.rubric ? <input type="hidden" name="rubric" value={filters.rubric} /> : null}
      <SubmitButton>Apply</SubmitButton>
      <Link href={paths.dashboards(project)} className="h-8 self-end px-1 py-1.5 text-sm text-zinc-500 hover:text-zinc-800">
        Reset
      </Link>
    </AutoSubmitForm>
  );
}
