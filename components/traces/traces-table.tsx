import { ListTable } from "@/components/ui/list-table";
import { formatDateTime, formatDuration, formatNumber } from "@/lib/format";
import type { TraceRow } from "@/lib/traces/list-traces";
import type { TraceReviewSummary } from "@/lib/traces/trace-review-summary";
import { sessionColumn } from "./session-column";
import { TraceRows, type TraceRowView } from "./trace-rows";

// Input and output take what the fixed columns leave, so those stay narrow:
// below 1280 px the time wraps onto two lines and the session moves under the
// root span, which keeps each text column near 200 px at 1024 px.
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
// The rows are a client component fed one small object per trace: rendered here
// as server markup, every cell's tags and class names were serialized into the
// page's RSC payload once per row (~4 KB a row, 200 KB for 50 rows, on top of
// the HTML itself); as data they cost what the row's values cost.
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
  const views: TraceRowView[] = rows.map((row) => ({
    id: row.id,
    traceId: row.traceId,
    // Formatted on the server: the same strings the server-rendered table showed.
    time: formatDateTime(row.startTime),
    rootSpanName: row.rootSpanName,
    rootSpanKind: row.rootSpanKind,
    spanCount: row.spanCount,
    inputPreview: row.inputPreview,
    outputPreview: row.outputPreview,
    latency: formatDuration(row.latencyMs),
    tokens: row.totalTokens ? formatNumber(row.totalTokens) : "—",
    statusCode: row.statusCode,
    summary: summaries.get(row.id),
    sessionId: row.sessionId,
  }));
  return (
    <ListTable columns={traceColumns} fixed>
      <TraceRows projectName={projectName} rows={views} selectable={selectable} />
    </ListTable>
  );
}
