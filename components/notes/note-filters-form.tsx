import Link from "next/link";
import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import { FilterSelect, optionsOf, rangeOptions, SubmitButton } from "@/components/ui/form-controls";
import { spanKinds } from "@/lib/search-params";
import type { NoteFilters } from "@/lib/themes/note-filters";

const targetOptions = [
  { value: "SPAN", label: "Span notes" },
  { value: "TRACE", label: "Trace notes" },
  { value: "SESSION", label: "Session notes" },
];

const field = "h-8 rounded border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-indigo-500";
const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : "");

// The notes page's search and filters, a GET form: everything lives in the URL.
export function NoteFiltersForm({
  filters,
  authors,
  themes,
  rubrics,
  clearHref,
}: {
  filters: NoteFilters;
  authors: { id: string; name: string }[];
  themes: { id: number; name: string }[];
  rubrics: { name: string; labels: string[] }[];
  clearHref: string | null;
}) {
  const labels = [...new Set(rubrics.flatMap((r) => r.labels))];
  return (
    <AutoSubmitForm label="Filter notes" className="space-y-2 pb-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-72 flex-1 flex-col gap-0.5 text-xs text-zinc-500">
          Search notes
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder='e.g. wrong tool, "refund policy", -greeting'
            aria-describedby="note-search-hint"
            className={field}
          />
        </label>
        <label className="flex h-8 items-center gap-1.5 text-sm text-zinc-700">
          <input type="checkbox" name="untagged" value="1" defaultChecked={filters.untagged} className="size-4 accent-indigo-600" />
          Untagged only
        </label>
        <SubmitButton>Search</SubmitButton>
        {clearHref ? (
          <Link href={clearHref} className="flex h-8 items-center text-sm text-zinc-500 underline hover:text-zinc-800">
            Clear filters
          </Link>
        ) : null}
      </div>
      <p id="note-search-hint" className="text-[11px] text-zinc-400">
        Words match their other forms (“refunds” finds “refund”); use “quoted phrases”, <span className="font-mono">or</span>, and{" "}
        <span className="font-mono">-word</span> to leave a word out. Best matches first.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <FilterSelect name="reviewer" label="Reviewer" value={filters.reviewer} options={authors.map((a) => ({ value: a.id, label: a.name }))} anyLabel="Anyone" />
        <FilterSelect name="target" label="Written on" value={filters.target} options={targetOptions} anyLabel="Anything" />
        <FilterSelect name="spanKind" label="Span kind" value={filters.spanKind} options={optionsOf(spanKinds)} />
        <FilterSelect name="range" label="When" value={filters.range} options={rangeOptions} anyLabel="Any time" />
        <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
          From
          <input type="date" name="from" defaultValue={day(filters.from)} className={field} />
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
          To
          <input type="date" name="to" defaultValue={day(filters.to)} className={field} />
        </label>
        <FilterSelect name="theme" label="Theme" value={filters.theme?.toString()} options={themes.map((t) => ({ value: String(t.id), label: t.name }))} />
        <FilterSelect name="rubric" label="Rubric on its trace" value={filters.rubric} options={optionsOf(rubrics.map((r) => r.name))} />
        <FilterSelect name="label" label="Label" value={filters.label} options={optionsOf(labels)} />
      </div>
    </AutoSubmitForm>
  );
}
