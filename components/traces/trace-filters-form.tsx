import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import { FilterSelect, optionsOf, SubmitButton } from "@/components/ui/form-controls";
import { spanKinds, statusCodes } from "@/lib/search-params";
import type { TraceFilters } from "@/lib/traces/trace-filters";

const rangeOptions = [
  { value: "1h", label: "Last hour" },
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
];
const sortOptions = [
  { value: "time", label: "Start time" },
  { value: "latency", label: "Latency" },
  { value: "tokens", label: "Tokens" },
];
const dirOptions = [
  { value: "desc", label: "Descending" },
  { value: "asc", label: "Ascending" },
];

export function TraceFiltersForm({ filters }: { filters: TraceFilters }) {
  return (
    <AutoSubmitForm label="Filter traces" className="flex flex-wrap items-end gap-3 pb-3">
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
      <SubmitButton>Apply</SubmitButton>
    </AutoSubmitForm>
  );
}
