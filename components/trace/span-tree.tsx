import Link from "next/link";
import { formatDuration } from "@/lib/spans/format";
import type { TraceSpan } from "@/lib/traces/get-trace-detail";
import { spanTreeRows } from "@/lib/traces/span-tree";
import { SpanKindBadge } from "@/components/ui/span-kind-badge";
import { spanKindStyle } from "@/components/ui/span-kind-style";
import { SpanTreeKeyboard } from "./span-tree-keyboard";
import { spanHref, type SpanTab } from "./trace-links";

const INDENT_PX = 14;

// The span tree with a waterfall: every bar sits on one shared time axis (the
// trace's start to its end), so rows line up and gaps and overlaps show.
export function SpanTree({
  spans,
  selectedSpanId,
  tab,
  traceStart,
  traceEnd,
  tracePathname,
}: {
  spans: TraceSpan[];
  selectedSpanId: string;
  tab: SpanTab;
  traceStart: Date;
  traceEnd: Date;
  tracePathname: string;
}) {
  const rows = spanTreeRows(spans);
  const origin = traceStart.getTime();
  const total = Math.max(traceEnd.getTime() - origin, 1);

  return (
    <SpanTreeKeyboard spanIds={rows.map((row) => row.span.spanId)} selectedSpanId={selectedSpanId}>
      <ol aria-label="Spans" className="py-1">
        {rows.map(({ span, depth }) => {
          const start = span.startTime.getTime() - origin;
          const duration = span.endTime.getTime() - span.startTime.getTime();
          const left = Math.min(Math.max((start / total) * 100, 0), 100);
          const width = Math.max(Math.min((duration / total) * 100, 100 - left), 0.4);
          const selected = span.spanId === selectedSpanId;
          const error = span.statusCode === "ERROR";
          return (
            <li key={span.spanId}>
              <Link
                id={`span-row-${span.spanId}`}
                href={spanHref(tracePathname, span.spanId, tab)}
                replace
                scroll={false}
                prefetch={false}
                aria-current={selected ? "true" : undefined}
                className={`block border-l-2 px-3 py-1 outline-offset-[-2px]! ${
                  selected ? "border-indigo-600 bg-indigo-50" : "border-transparent hover:bg-zinc-100"
                }`}
              >
                <span className="flex min-w-0 items-center gap-1.5" style={{ paddingLeft: depth * INDENT_PX }}>
                  <SpanKindBadge kind={span.spanKind} className="w-[4.25rem]" />
                  <span className={`truncate text-[12px] ${selected ? "font-medium text-zinc-950" : "text-zinc-800"}`} title={span.name}>
                    {span.name}
                  </span>
                  {error && (
                    <span className="shrink-0 rounded bg-red-100 px-1 text-[10px] font-semibold text-red-700" title={span.statusMessage || "error"}>
                      error
                    </span>
                  )}
                  <span className="ml-auto shrink-0 pl-2 font-mono text-[11px] text-zinc-500">{formatDuration(duration)}</span>
                </span>
                <span aria-hidden className="relative mt-1 block h-1 rounded-full bg-zinc-100">
                  <span
                    className={`absolute inset-y-0 rounded-full ${error ? "bg-red-500" : spanKindStyle[span.spanKind].bar}`}
                    style={{ left: `${left}%`, width: `${width}%` }}
                  />
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </SpanTreeKeyboard>
  );
}
