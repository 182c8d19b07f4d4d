import Link from "next/link";
import { ListTable } from "@/components/ui/list-table";
import { SpanKindBadge } from "@/components/ui/span-kind-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime, formatDuration, formatNumber, truncate } from "@/lib/format";
import type { SpanRow } from "@/lib/spans/list-spans";
import { paths } from "@/lib/url";
import { SelectRowCell } from "@/components/queues/queue-selection";

const spanColumns = [
  { label: "Time (UTC)", className: "w-40" },
  { label: "Span", className: "w-52" },
  { label: "Input" },
  { label: "Output" },
  { label: "Latency", className: "w-20 text-right" },
  { label: "Tokens", className: "w-20 text-right" },
  { label: "Status", className: "w-20" },
];

// `selectable`: a checkbox per row, for "Add N selected to a queue" (inside a QueueSelection).
export function SpansTable({ projectName, rows, selectable = false }: { projectName: string; rows: SpanRow[]; selectable?: boolean }) {
  return (
    <ListTable columns={selectable ? [{ label: "", className: "w-10" }, ...spanColumns] : spanColumns} fixed>
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-indigo-50/40">
              {selectable ? <SelectRowCell id={row.id} label={`span ${row.name} ${row.spanId.slice(0, 8)}`} /> : null}
              <td className="px-3 py-2 font-mono text-xs text-zinc-500">{formatDateTime(row.startTime)}</td>
              <td className="px-3 py-2">
                <Link href={paths.trace(projectName, row.traceId, row.spanId)} className="font-medium text-indigo-700 hover:underline">
                  {row.name}
                </Link>
                <div className="mt-0.5">
                  <SpanKindBadge kind={row.spanKind} />
                </div>
              </td>
              <td className="px-3 py-2 text-zinc-700">
                <p className="line-clamp-2 break-words">{truncate(row.inputPreview, 200)}</p>
              </td>
              <td className="px-3 py-2 text-zinc-700">
                <p className="line-clamp-2 break-words">{truncate(row.outputPreview, 200)}</p>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDuration(row.latencyMs)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.totalTokens ? formatNumber(row.totalTokens) : "—"}</td>
              <td className="px-3 py-2">
                <StatusBadge status={row.statusCode} />
              </td>
            </tr>
          ))}
        </ListTable>
  );
}
