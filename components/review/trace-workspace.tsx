import type { SpanTab } from "@/components/trace/trace-links";
import type { Actor } from "@/lib/auth/permissions";
import type { ProjectRef } from "@/lib/projects/projects";
import { selectedSpan } from "@/lib/review/review-item";
import { loadTraceReview } from "@/lib/review/trace-review";
import type { TraceDetail } from "@/lib/traces/get-trace-detail";
import type { QueueFocus } from "./review-panel";
import type { Shortcut } from "./shortcut-sheet";
import { TraceWorkspaceView } from "./trace-workspace-view";

type Props = {
  actor: Actor;
  project: ProjectRef;
  detail: TraceDetail;
  requestedSpanId: string | undefined;
  tab: SpanTab;
  // Where span links point: the trace page, or the review screen with its position.
  basePath: string;
  shortcuts?: Shortcut[];
  // Review mode bound to a queue: its rubrics on its target.
  queue?: QueueFocus;
};

// Span tree | selected span | review panel: the trace page and queue work render it on the server.
export async function TraceWorkspace({ actor, project, detail, requestedSpanId, tab, basePath, shortcuts, queue }: Props) {
  const selected = selectedSpan(detail.spans, requestedSpanId);
  const review = await loadTraceReview(actor, project, detail.trace.id, selected);
  return <TraceWorkspaceView detail={detail} review={review} selected={selected} tab={tab} basePath={basePath} shortcuts={shortcuts} queue={queue} />;
}
