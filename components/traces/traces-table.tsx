import Link from "next/link";
import { ListTable } from "@/components/ui/list-table";
import { SpanKindBadge } from "@/components/ui/span-kind-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime, formatDuration, formatNumber, truncate } from "@/lib/format";
import type { TraceRow } from "@/lib/traces/list-traces";
import type { TraceReviewSummary } from "@/lib/traces/trace-review-summary";
import { SelectRowCell } from "@/components/queues/queue-selection";
import { ReviewSummaryCell } from "./review-summary-cell";
import { paths } from "@/lib/url";

// Input and output take what the fixed columns leave, so those stay narrow:
// below 1280 px the time wraps onto two lines and the session moves under the
// root span, which keeps each text column near 200 px at 1024 px.
const sessionColumn = "hidden xl:table-cell";
const traceColumns = [
  { label: "Time (UTC)", className: "w-24 xl:w-36" },
  { label: "Root span", className: "w-32 xl:w-44" },
  { label: "Input" },
  { label: "Output" },
  { label: "Latency", className: "w-20 text-right" },
  { label: "Tokens", className: "w-[4.5rem] text-right" },
  { label: "Status", className: "w-[4.5rem]" },
  { label: "Review", className: "w-32 xl:w-40" },
  { label: "Session", className: `w-28 ${sessionColumn}` },
];

// `selectable`: a checkbox per row, for "Add N selected to a queue" (inside a QueueSelection).
export function TracesTable({
  projectName,
  rows,
  summaries,
  selectable = false,
}: {
  projectName: string;
  rows: TraceRow[];
  summaries: Map<number, TraceReviewSummary>;
  selectable?: boolean;
}) {
  return (
    <ListTable columns={selectable ? [{ label: "", className: "w-10" }, ...traceColumns] : traceColumns} fixed>
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-indigo-50/40">
              {selectable ? <SelectRowCell id={row.id} label={`trace ${row.rootSpanName ?? row.traceId.slice(0, 12)} ${row.traceId.slice(0, 8)}`} /> : null}
              <td className="px-3 py-2 font-mono text-xs text-zinc-500">{formatDateTime(row.startTime)}</td>
              <td className="px-3 py-2">
                <Link href={paths.trace(projectName, row.traceId)} className="font-medium text-indigo-700 hover:underline">
                  {row.rootSpanName ?? row.traceId.slice(0, 12)}
                </Link>
                <div className="mt-0.5 flex items-center gap-1.5">
                  <SpanKindBadge kind={row.rootSpanKind} />
                  <span className="text-xs text-zinc-400">{row.spanCount} spans</span>
                </div>
                {row.sessionId ? <SessionLink projectName={projectName} sessionId={row.sessionId} className="mt-0.5 block xl:hidden" /> : null}
              </td>
              <td className="px-3 py-2 text-zinc-700" title={row.inputPreview ?? undefined}>
                <p className="line-clamp-2 break-words">{truncate(row.inputPreview, 220)}</p>
              </td>
              <td className="px-3 py-2 text-zinc-700" title={row.outputPreview ?? undefined}>
                <p className="line-clamp-2 break-words">{truncate(row.outputPreview, 220)}</p>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDuration(row.latencyMs)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.totalTokens ? formatNumber(row.totalTokens) : "—"}</td>
              <td className="px-3 py-2">
                <StatusBadge status={row.statusCode} />
              </td>
              <td className="overflow-hidden px-3 py-2">
                <ReviewSummaryCell summary={summaries.get(row.id)} />
              </td>
              <td className={`px-3 py-2 ${sessionColumn}`}>
                {row.sessionId ? <SessionLink projectName={projectName} sessionId={row.sessionId} className="block" /> : <span className="text-xs text-zinc-400">—</span>}
              </td>
            </tr>
          ))}
        </ListTable>
  );
}

function SessionLink({ projectName, sessionId, className }: { projectName: string; sessionId: string; className: string }) {
  return (
    <Link href={paths.session(projectName, sessionId)} title={`Session ${sessionId}`} className={`truncate font-mono text-xs text-zinc-600 hover:text-indigo-700 hover:underline ${className}`}>
      {sessionId}
    </Link>
  );
}
