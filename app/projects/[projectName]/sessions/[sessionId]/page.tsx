import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-actor";
import { SessionReviewPanel } from "@/components/review/session-review-panel";
import { ConversationTurn } from "@/components/sessions/conversation-turn";
import { formatDateTime, formatDuration } from "@/lib/format";
import { findProjectByName } from "@/lib/projects/projects";
import { loadSessionReview } from "@/lib/review/trace-review";
import { getSessionDetail } from "@/lib/sessions/sessions";
import { paths } from "@/lib/url";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ projectName: string; sessionId: string }> }) {
  const actor = await requirePageActor();
  const { projectName, sessionId } = await params;
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const session = await getSessionDetail(project.id, decodeURIComponent(sessionId));
  if (!session) notFound();
  const review = await loadSessionReview(actor, project, session.id);
  return (
    <div className="mx-auto grid max-w-7xl grid-cols-[minmax(0,1fr)_20rem] items-start gap-6 px-4 py-5">
      <div className="min-w-0">
      <Link href={paths.sessions(project.name)} className="text-xs text-zinc-500 hover:text-zinc-800">
        ← Sessions
      </Link>
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
          <ConversationTurn key={turn.traceId} projectName={project.name} turn={turn} index={index} />
        ))}
      </ol>
      </div>
      <aside aria-label="Review" className="sticky top-14 max-h-[calc(100vh-4rem)] overflow-y-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3">
        <SessionReviewPanel review={review} sessionId={session.sessionId} />
      </aside>
    </div>
  );
}
