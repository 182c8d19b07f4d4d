import Link from "next/link";
import { disagreementQuery, type ParsedDisagreementFilters } from "@/lib/adjudication/adjudication-schemas";
import { paths } from "@/lib/url";

// Open / resolved, as links: the status is part of the URL.
export function StatusTabs({ project, filters }: { project: string; filters: ParsedDisagreementFilters }) {
  return (
    <nav aria-label="Status" className="flex gap-1">
      {(["open", "resolved"] as const).map((status) => {
        const active = filters.status === status;
        return (
          <Link
            key={status}
            href={paths.adjudicate(project, disagreementQuery(filters, { status: status === "open" ? undefined : status, limit: undefined }))}
            aria-current={active ? "page" : undefined}
            className={`rounded px-3 py-1 text-sm ${active ? "bg-indigo-600 font-medium text-white" : "text-zinc-600 hover:bg-zinc-100"}`}
          >
            {status === "open" ? "Open" : "Resolved"}
          </Link>
        );
      })}
    </nav>
  );
}

// Continuous rubrics: a spread (max − min) above the threshold is a disagreement. A GET form: the URL keeps it.
export function ThresholdFilter({ filters }: { filters: ParsedDisagreementFilters }) {
  const hidden = { queue: filters.queueId?.toString(), rubric: filters.rubric, status: filters.status === "open" ? undefined : filters.status };
  return (
    <form method="get" aria-label="Threshold" className="flex items-end gap-2">
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
        Score spread above
        <input
          type="number"
          name="threshold"
          min={0}
          step="any"
          defaultValue={filters.threshold}
          className="h-8 w-24 rounded border border-zinc-300 px-2 text-sm tabular-nums text-zinc-900"
        />
      </label>
      <button type="submit" className="h-8 rounded border border-zinc-300 bg-white px-3 text-sm text-zinc-700 hover:bg-zinc-50">
        Apply
      </button>
    </form>
  );
}
