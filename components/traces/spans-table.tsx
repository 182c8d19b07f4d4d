import Link from "next/link";
import { SpanKindBadge } from "@/components/ui/span-kind-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime, formatDuration, formatNumber, truncate } from "@/lib/format";
import type { SpanRow } from "@/lib/spans/list-spans";
import { paths } from "@/lib/url";

export function SpansTable({ projectName, rows }: { projectName: string; rows: SpanRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
      <table className="w-full table-fixed text-left">
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            <th className="w-40 px-3 py-2 font-medium">Time (UTC)</th>
            <th className="w-52 px-3 py-2 font-medium">Span</th>
            <th className="px-3 py-2 font-medium">Input</th>
            <th className="px-3 py-2 font-medium">Output</th>
            <th className="w-20 px-3 py-2 text-right font-medium">Latency</th>
            <th className="w-20 px-3 py-2 text-right font-medium">Tokens</th>
            <th className="w-20 px-3 py-2 font-medium">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-indigo-50/40">
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
        </tbody>
      </table>
    </div>
  );
}
