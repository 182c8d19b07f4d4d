import { SpanDetail } from "@/components/trace/span-detail";
import { SpanTree } from "@/components/trace/span-tree";
import type { SpanTab } from "@/components/trace/trace-links";
import type { TraceReview } from "@/lib/review/trace-review";
import type { TraceDetail, TraceSpan } from "@/lib/traces/get-trace-detail";
import { spanTreeRows } from "@/lib/traces/span-tree";
import { documentControls, ReviewPanel, type QueueFocus } from "./review-panel";
import { ReviewShortcuts, type Shortcut } from "./shortcut-sheet";

export type TraceWorkspaceViewProps = {
  detail: TraceDetail;
  review: TraceReview;
  selected: TraceSpan | undefined;
  tab: SpanTab;
  // Where span links point: the trace page, or the review screen with its position.
  basePath: string;
  shortcuts?: Shortcut[];
  // Review mode bound to a queue: its rubrics on its target.
  queue?: QueueFocus;
};

// Span tree | selected span | review panel, from data already loaded: the
// server renders it (trace page, queue work) and so does the browser, from its
// cache, in review mode (components/review/trace-review-client.tsx).
export function TraceWorkspaceView({ detail, review, selected, tab, basePath, shortcuts, queue }: TraceWorkspaceViewProps) {
  const { trace, spans } = detail;
  const rows = spanTreeRows(spans);
  // Late or clock-skewed spans may fall outside the trace row's bounds.
  const start = new Date(Math.min(trace.startTime.getTime(), ...spans.map((span) => span.startTime.getTime())));
  const end = new Date(Math.max(trace.endTime.getTime(), ...spans.map((span) => span.endTime.getTime())));
  return (
    <div className="grid grid-cols-[minmax(15rem,22rem)_minmax(0,1fr)_20rem] items-start 2xl:grid-cols-[minmax(20rem,28rem)_minmax(0,1fr)_24rem]">
      <ReviewShortcuts extra={shortcuts} />
      <nav aria-label="Span tree" className="sticky top-11 h-[calc(100vh-2.75rem)] overflow-y-auto border-r border-zinc-200 bg-white">
        <SpanTree spans={spans} selectedSpanId={selected?.spanId ?? ""} tab={tab} traceStart={start} traceEnd={end} tracePathname={basePath} />
      </nav>
      <div className="min-h-[calc(100vh-2.75rem)] min-w-0 bg-white">
        {selected ? (
          <SpanDetail
            span={selected}
            tab={tab}
            traceStart={start}
            tracePathname={basePath}
            documentControls={documentControls(review, selected.spanId, selected.documentCount)}
          />
        ) : (
          <p className="px-4 py-6 text-[13px] text-zinc-500">This trace has no spans yet.</p>
        )}
      </div>
      <aside aria-label="Review" data-review-panel className="sticky top-11 h-[calc(100vh-2.75rem)] overflow-y-auto border-l border-zinc-200 bg-zinc-50">
        <ReviewPanel
          review={review}
          trace={{ traceId: trace.traceId, name: trace.rootSpanName ?? "trace" }}
          span={selected ? { spanId: selected.spanId, name: selected.name, isRoot: selected.spanId === rows[0]?.span.spanId } : undefined}
          queue={queue}
        />
      </aside>
    </div>
  );
}
