import { TraceWorkspace } from "@/components/review/trace-workspace";
import { TraceHeader } from "@/components/trace/trace-header";
import { parseSpanTab } from "@/components/trace/trace-links";
import { EmptyState } from "@/components/ui/empty-state";
import { getTraceDetailByRowId } from "@/lib/traces/get-trace-detail";
import { ListNavigator, type ReviewScreenProps } from "./list-navigator";

const reviewShortcuts = [
  { keys: ["j", "→"], does: "Next trace (saves what is unsaved, without the label check of Enter)" },
  { keys: ["k", "←"], does: "Previous trace" },
];

// Review mode over traces: the trace page's workspace at this list position.
export async function TraceReviewScreen({ actor, project, position, at, listHref, span, tab }: ReviewScreenProps & { span?: string; tab: string | string[] | undefined }) {
  const detail = position.currentId === null ? null : await getTraceDetailByRowId(project.id, position.currentId);
  return (
    <div>
      <ListNavigator position={position} at={at} listHref={listHref} noun="trace" />
      {detail ? (
        <>
          <TraceHeader trace={detail.trace} />
          <TraceWorkspace
            key={detail.trace.traceId}
            actor={actor}
            project={project}
            detail={detail}
            requestedSpanId={span}
            tab={parseSpanTab(tab)}
            basePath={at(position.index)}
            shortcuts={reviewShortcuts}
          />
        </>
      ) : (
        <div className="px-4 py-8">
          <EmptyState title="This trace is gone">It was deleted after the list was made; go on to the next one.</EmptyState>
        </div>
      )}
    </div>
  );
}
