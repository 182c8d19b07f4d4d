import { SessionView } from "@/components/sessions/session-view";
import { EmptyState } from "@/components/ui/empty-state";
import { loadSessionReview } from "@/lib/review/trace-review";
import { getSessionDetail } from "@/lib/sessions/sessions";
import { ListNavigator, type ReviewScreenProps } from "./list-navigator";

const sessionShortcuts = [
  { keys: ["j", "→"], does: "Next session (saves what is unsaved, without the label check of Enter)" },
  { keys: ["k", "←"], does: "Previous session" },
];

// Review mode over sessions: one conversation per screen with the session
// rubric forms, walked with the same keys as traces.
export async function SessionReviewScreen({ actor, project, position, at, listHref }: ReviewScreenProps) {
  const session = position.currentId === null ? null : await getSessionDetail(project.id, { rowId: position.currentId });
  const review = session ? await loadSessionReview(actor, project, session.id) : null;
  return (
    <div>
      <ListNavigator position={position} at={at} listHref={listHref} noun="session" />
      {session && review ? (
        <SessionView key={session.id} projectName={project.name} session={session} review={review} shortcuts={sessionShortcuts} />
      ) : (
        <div className="px-4 py-8">
          <EmptyState title="This session is gone">It was deleted after the list was made; go on to the next one.</EmptyState>
        </div>
      )}
    </div>
  );
}
