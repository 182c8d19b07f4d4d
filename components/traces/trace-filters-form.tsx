import Link from "next/link";
import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import { dirOptions, FilterSelect, optionsOf, rangeOptions, SubmitButton } from "@/components/ui/form-controls";
import { spanKinds, statusCodes } from "@/lib/search-params";
import type { TraceFilters } from "@/lib/traces/trace-filters";

const sortOptions = [
  { value: "time", label: "Start time" },
  { value: "latency", label: "Latency" },
  { value: "tokens", label: "Tokens" },
];

const notesOptions = [
  { value: "with", label: "With notes" },
  { value: "without", label: "Without notes" },
];
const reviewedOptions = [
  { value: "me", label: "Reviewed by me" },
  { value: "not-me", label: "Not reviewed by me" },
  { value: "nobody", label: "Not reviewed by anyone" },
];

const numberField = "h-8 w-20 rounded border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-indigo-500";

// The theme filter (from a theme's "Traces" link) has no control of its own: a
// chip says why the list is narrowed, keeps the filter in every submit, and removes it.
export type ThemeFilterChip = { id: number; name: string | null; removeHref: string };

export function TraceFiltersForm({
  filters,
  rubrics,
  theme,
}: {
  filters: TraceFilters;
  rubrics: { name: string; labels: string[] }[];
  theme?: ThemeFilterChip | null;
}) {
  const labels = [...new Set(rubrics.flatMap((r) => r.labels))];
  const themeName = theme ? (theme.name ?? `deleted theme #${theme.id}`) : null;
  return (
    <AutoSubmitForm label="Filter traces" className="flex flex-wrap items-end gap-3 pb-3">
      {theme ? (
        <span className="flex h-8 items-center gap-1 self-end rounded-full border border-indigo-200 bg-indigo-50 pl-3 pr-1 text-sm text-indigo-900">
          <input type="hidden" name="theme" value={theme.id} />
          Theme: {themeName}
          <Link
            href={theme.removeHref}
            aria-label={`Remove theme filter ${themeName}`}
            className="rounded-full px-1.5 text-indigo-700 hover:bg-indigo-100 hover:text-indigo-950"
          >
            ×
          </Link>
        </span>
      ) : null}
      <label className="flex min-w-64 flex-1 flex-col gap-0.5 text-xs text-zinc-500">
        Search input and output
        <input
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          placeholder="e.g. refund policy"
          className="h-8 rounded border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-indigo-500"
        />
      </label>
      <FilterSelect name="range" label="Time range" value={filters.range} options={rangeOptions} anyLabel="All time" />
      <FilterSelect name="status" label="Status" value={filters.status} options={optionsOf(statusCodes)} />
      <FilterSelect name="kind" label="Root span kind" value={filters.kind} options={optionsOf(spanKinds)} />
      <FilterSelect name="sort" label="Sort by" value={filters.sort} options={sortOptions} anyLabel={null} />
      <FilterSelect name="dir" label="Order" value={filters.dir} options={dirOptions} anyLabel={null} />
      <FilterSelect name="notes" label="Notes" value={filters.notes} options={notesOptions} />
      <FilterSelect name="reviewed" label="Reviewed" value={filters.reviewed} options={reviewedOptions} />
      <FilterSelect name="rubric" label="Rubric" value={filters.rubric} options={optionsOf(rubrics.map((r) => r.name))} />
      <FilterSelect name="label" label="Label" value={filters.label} options={optionsOf(labels)} />
      <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
        Score ≥
        <input type="number" step="any" name="scoreMin" defaultValue={filters.scoreMin ?? ""} className={numberField} />
      </label>
      <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
        Score ≤
        <input type="number" step="any" name="scoreMax" defaultValue={filters.scoreMax ?? ""} className={numberField} />
      </label>
      <SubmitButton>Apply</SubmitButton>
    </AutoSubmitForm>
  );
}
