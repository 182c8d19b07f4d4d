"use client";

import Link from "next/link";
import { SelectRowBox } from "@/components/queues/queue-selection";
import { SpanKindBadge } from "@/components/ui/span-kind-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { truncate } from "@/lib/format";
import type { SpanKind, StatusCode } from "@/lib/generated/prisma/enums";
import type { TraceReviewSummary } from "@/lib/traces/trace-review-summary";
import { paths } from "@/lib/url";
import { ReviewSummaryCell } from "./review-summary-cell";
import { sessionColumn } from "./session-column";


/** One row of the traces list as the browser needs it: values only, already formatted. */
export type TraceRowView = {
  id: number;
  traceId: string;
  time: string;
  rootSpanName: string | null;
  rootSpanKind: SpanKind | null;
  spanCount: number;
  inputPreview: string | null;
  outputPreview: string | null;
  latency: string;
  tokens: string;
  statusCode: StatusCode;
  summary: TraceReviewSummary | undefined;
  sessionId: string | null;
};

export function TraceRows({ projectName, rows, selectable }: { projectName: string; rows: TraceRowView[]; selectable: boolean }) {
  return rows.map((row) => (
    <tr key={row.id} className="align-top hover:bg-indigo-50/40">
      <td className="px-3 py-2 font-mono text-xs text-zinc-500">
        {/* In the time cell, not a column of its own: at 1024 px input and output keep their room. */}
        {selectable ? <SelectRowBox id={row.id} label={`trace ${row.rootSpanName ?? row.traceId.slice(0, 12)} ${row.traceId.slice(0, 8)}`} className="mb-1 block" /> : null}
        {row.time}
      </td>
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
      <td className="px-3 py-2 text-right tabular-nums">{row.latency}</td>
      <td className="px-3 py-2 text-right tabular-nums">{row.tokens}</td>
      <td className="px-3 py-2">
        <StatusBadge status={row.statusCode} />
      </td>
      <td className="overflow-hidden px-3 py-2">
        <ReviewSummaryCell summary={row.summary} />
      </td>
      <td className={`px-3 py-2 ${sessionColumn}`}>
        {row.sessionId ? <SessionLink projectName={projectName} sessionId={row.sessionId} className="block" /> : <span className="text-xs text-zinc-400">—</span>}
      </td>
    </tr>
  ));
}

function SessionLink({ projectName, sessionId, className }: { projectName: string; sessionId: string; className: string }) {
  return (
    <Link href={paths.session(projectName, sessionId)} title={`Session ${sessionId}`} className={`truncate font-mono text-xs text-zinc-600 hover:text-indigo-700 hover:underline ${className}`}>
      {sessionId}
    </Link>
  );
}
