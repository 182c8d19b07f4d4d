import Link from "next/link";
import { formatCount, formatDuration, formatTimestamp } from "@/lib/spans/format";
import type { TraceSummary } from "@/lib/traces/get-trace-detail";
import { paths } from "@/lib/url";
import { StatusBadge } from "./status-badge";

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline gap-1">
      <dt className="text-zinc-400">{label}</dt>
      <dd className="font-mono text-zinc-800">{children}</dd>
    </div>
  );
}

export function TraceHeader({ trace }: { trace: TraceSummary }) {
  return (
    <div className="border-b border-zinc-200 bg-white px-4 py-2">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-[12px] text-zinc-500">
          <Link href={paths.traces(trace.projectName)} className="hover:text-zinc-900">
            Traces
          </Link>
          <span aria-hidden>/</span>
          <h1 className="truncate text-[13px] font-semibold text-zinc-900">{trace.rootSpanName ?? "Trace"}</h1>
        </nav>
        <StatusBadge status={trace.statusCode} />
        {trace.sessionId && (
          <Link
            href={paths.session(trace.projectName, trace.sessionId)}
            className="ml-auto rounded px-1.5 py-0.5 text-[12px] text-indigo-700 ring-1 ring-indigo-200 ring-inset hover:bg-indigo-50"
          >
            Session <span className="font-mono">{trace.sessionId}</span> →
          </Link>
        )}
      </div>
      <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-[12px]">
        <Stat label="trace">{trace.traceId}</Stat>
        <Stat label="started">{formatTimestamp(trace.startTime)}</Stat>
        <Stat label="latency">{formatDuration(trace.latencyMs)}</Stat>
        <Stat label="spans">{formatCount(trace.spanCount)}</Stat>
        {trace.totalTokens > 0 && <Stat label="tokens">{formatCount(trace.totalTokens)}</Stat>}
        {trace.errorCount > 0 && <Stat label="errors">{formatCount(trace.errorCount)}</Stat>}
      </dl>
    </div>
  );
}
