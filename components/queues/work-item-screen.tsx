import { SessionView } from "@/components/sessions/session-view";
import { TraceWorkspace } from "@/components/review/trace-workspace";
import { TraceHeader } from "@/components/trace/trace-header";
import { parseSpanTab } from "@/components/trace/trace-links";
import { EmptyState } from "@/components/ui/empty-state";
import type { Actor } from "@/lib/auth/permissions";
import type { ProjectRef } from "@/lib/projects/projects";
import type { QueueDetail, WorkItem } from "@/lib/queues/queue-types";
import { loadWorkTarget, type QueueStanding } from "@/lib/queues/work-screen";
import { loadSessionReview } from "@/lib/review/trace-review";
import { paths } from "@/lib/url";
import { WorkBar } from "./work-bar";
import type { FinishedItem } from "./work-finished-menu";

type Props = {
  actor: Actor;
  projectRef: ProjectRef;
  project: string;
  queue: QueueDetail;
  item: WorkItem;
  standing: QueueStanding;
  finished: FinishedItem[];
  span: string | undefined;
  tab: string | string[] | undefined;
  now: number;
};

const queueShortcuts = [
  { keys: ["Enter"], does: "Save everything, then submit this item once every queue rubric is given, and claim the next" },
  { keys: ["s"], does: "Skip this item, with a reason (it goes back to the queue)" },
];

// One queue item on screen: review mode's own screens (the trace workspace,
// a span queue's span selected in it, or the session view) asking for the
// queue's rubrics, under the queue's bar.
export async function WorkItemScreen({ actor, projectRef, project, queue, item, standing, finished, span, tab, now }: Props) {
  const target = await loadWorkTarget(projectRef.id, queue.targetKind, item.targetId);
  const rubricIds = queue.rubrics.map((rubric) => rubric.id);
  const revisit = item.mine !== "claimed";
  const here = paths.queueWork(project, queue.id, item.itemId);
  const targetName = !target ? "" : target.kind === "SESSION" ? target.session.sessionId : target.kind === "SPAN" ? target.spanId : target.detail.trace.traceId;
  return (
    <div data-queue-item={item.itemId} data-queue-target={targetName}>
      <WorkBar key={item.itemId} project={project} queue={queue} item={item} standing={standing} finished={finished} now={now} />
      {!target ? (
        <div className="px-4 py-8">
          <EmptyState title="This item's target is gone">It was deleted after it was queued: skip it or release it.</EmptyState>
        </div>
      ) : target.kind === "SESSION" ? (
        <SessionView
          key={item.itemId}
          projectName={project}
          session={target.session}
          review={await loadSessionReview(actor, projectRef, target.session.id)}
          shortcuts={queueShortcuts}
          queue={{ rubricIds, revisit }}
        />
      ) : (
        <>
          <TraceHeader trace={target.detail.trace} />
          <TraceWorkspace
            key={item.itemId}
            actor={actor}
            project={projectRef}
            detail={target.detail}
            requestedSpanId={span ?? (target.kind === "SPAN" ? target.spanId : undefined)}
            tab={parseSpanTab(tab)}
            basePath={here}
            shortcuts={queueShortcuts}
            queue={{ rubricIds, revisit, spanId: target.kind === "SPAN" ? target.spanId : undefined }}
          />
        </>
      )}
    </div>
  );
}
