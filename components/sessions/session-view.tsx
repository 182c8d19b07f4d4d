import { SessionReviewPanel } from "@/components/review/session-review-panel";
import type { QueueFocus } from "@/components/review/review-panel";
import type { Shortcut } from "@/components/review/shortcut-sheet";
import { ConversationTurn } from "@/components/sessions/conversation-turn";
import { formatDateTime, formatDuration } from "@/lib/format";
import type { SessionReview } from "@/lib/review/trace-review";
import type { SessionDetail } from "@/lib/sessions/sessions";

// A session as a conversation beside its review panel: the session page and
// review mode over sessions show the same screen.
type Props = { projectName: string; session: SessionDetail; review: SessionReview; top?: React.ReactNode; shortcuts?: Shortcut[]; queue?: QueueFocus };

export function SessionView({ projectName, session, review, top, shortcuts, queue }: Props) {
  return (
    <div className="mx-auto grid max-w-7xl grid-cols-[minmax(0,1fr)_20rem] items-start gap-6 px-4 py-5">
      <div className="min-w-0">
        {top}
        <h1 className="mt-1 text-lg font-semibold">
          Session <span className="font-mono text-base">{session.sessionId}</span>
        </h1>
        <p className="mt-0.5 text-zinc-500">
          {session.turns.length} turns · started {formatDateTime(session.startTime)} UTC · lasted{" "}
          {formatDuration(session.endTime.getTime() - session.startTime.getTime())}
          {session.userId ? ` · user ${session.userId}` : ""}
        </p>
        <ol className="mt-5 space-y-4">
          {session.turns.map((turn, index) => (
            <ConversationTurn key={turn.traceId} projectName={projectName} turn={turn} index={index} />
          ))}
        </ol>
      </div>
      <aside aria-label="Review" className="sticky top-14 max-h-[calc(100vh-4rem)] overflow-y-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3">
        <SessionReviewPanel review={review} sessionId={session.sessionId} shortcuts={shortcuts} queue={queue} />
      </aside>
    </div>
  );
}
