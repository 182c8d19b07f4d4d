import type { TraceReviewSummary } from "@/lib/traces/trace-review-summary";

const format = (score: number) => (Number.isInteger(score) ? String(score) : score.toFixed(2));

// Trace-level labels (with how many reviewers gave each), values hidden by blind review, and the note count.
export function ReviewSummaryCell({ summary }: { summary: TraceReviewSummary | undefined }) {
  if (!summary || (summary.labels.length === 0 && summary.hidden === 0 && summary.noteCount === 0)) return <span className="text-xs text-zinc-300">—</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {summary.labels.map((l) => (
        <span key={`${l.name}:${l.label}`} className="rounded bg-indigo-50 px-1.5 py-px text-[11px] text-indigo-800 ring-1 ring-inset ring-indigo-100" title={l.name}>
          {l.label ?? `${l.name} ${l.meanScore !== null ? format(l.meanScore) : ""}`}
          {l.count > 1 ? <span className="text-indigo-400"> ×{l.count}</span> : null}
        </span>
      ))}
      {summary.hidden > 0 ? (
        <span
          className="rounded bg-zinc-100 px-1.5 py-px text-[11px] text-zinc-600 ring-1 ring-inset ring-zinc-200"
          title="Blind review: others' values show once you have given your own"
        >
          {summary.hidden} hidden
        </span>
      ) : null}
      {summary.noteCount > 0 ? (
        <span className="rounded bg-amber-50 px-1.5 py-px text-[11px] text-amber-800 ring-1 ring-inset ring-amber-100" data-note-count={summary.noteCount}>
          {summary.noteCount} {summary.noteCount === 1 ? "note" : "notes"}
        </span>
      ) : null}
    </div>
  );
}
