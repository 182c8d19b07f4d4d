import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import { dirOptions, FilterSelect, optionsOf, rangeOptions, SubmitButton } from "@/components/ui/form-controls";
import type { ReviewRubric } from "@/lib/review/rubric-values";
import type { SessionFilters } from "@/lib/sessions/session-filters";

const sortOptions = [
  { value: "time", label: "Start time" },
  { value: "turns", label: "Turns" },
  { value: "satisfaction", label: "Satisfaction" },
];
const ratedOptions = [
  { value: "rated", label: "Rated" },
  { value: "unrated", label: "Unrated" },
];

const field = "h-8 rounded border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-indigo-500";

function NumberField({ name, label, value, step = "1" }: { name: string; label: string; value: number | undefined; step?: string }) {
  return (
    <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
      {label}
      <input type="number" step={step} min={step === "1" ? 0 : undefined} name={name} defaultValue={value ?? ""} className={`${field} w-20`} />
    </label>
  );
}

// The sessions list's filters, a GET form: the URL is the list's state.
export function SessionFiltersForm({ filters, rubrics, rubric }: { filters: SessionFilters; rubrics: ReviewRubric[]; rubric: ReviewRubric | null }) {
  return (
    <AutoSubmitForm label="Filter sessions" className="flex flex-wrap items-end gap-3 pb-3">
      <label className="flex min-w-48 flex-1 flex-col gap-0.5 text-xs text-zinc-500">
        Search sessions
        <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="words, a session id or a user id" className={field} />
      </label>
      <FilterSelect name="range" label="Time range" value={filters.range} options={rangeOptions} anyLabel="All time" />
      <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
        From
        <input type="date" name="from" defaultValue={filters.from?.toISOString().slice(0, 10) ?? ""} className={field} />
      </label>
      <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
        To
        <input type="date" name="to" defaultValue={filters.to?.toISOString().slice(0, 10) ?? ""} className={field} />
      </label>
      <NumberField name="turnsMin" label="Turns ≥" value={filters.turnsMin} />
      <NumberField name="turnsMax" label="Turns ≤" value={filters.turnsMax} />
      {rubric ? (
        <>
          {rubrics.length > 1 ? (
            <FilterSelect name="rubric" label="Satisfaction rubric" value={rubric.name} options={optionsOf(rubrics.map((r) => r.name))} anyLabel={null} />
          ) : null}
          <FilterSelect name="rated" label="Rated" value={filters.rated} options={ratedOptions} />
          {rubric.type === "CATEGORICAL" ? (
            <FilterSelect name="label" label="Label" value={filters.label} options={optionsOf(rubric.values.map((v) => v.label))} />
          ) : null}
          {rubric.type !== "FREEFORM" ? (
            <>
              <NumberField name="scoreMin" label="Mean score ≥" value={filters.scoreMin} step="any" />
              <NumberField name="scoreMax" label="Mean score ≤" value={filters.scoreMax} step="any" />
            </>
          ) : null}
        </>
      ) : null}
      <FilterSelect name="sort" label="Sort by" value={filters.sort} options={rubric ? sortOptions : sortOptions.slice(0, 2)} anyLabel={null} />
      <FilterSelect name="dir" label="Order" value={filters.dir} options={dirOptions} anyLabel={null} />
      <SubmitButton>Apply</SubmitButton>
    </AutoSubmitForm>
  );
}
