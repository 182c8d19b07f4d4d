import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-actor";
import { SessionView } from "@/components/sessions/session-view";
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
  const back = (
    <Link href={paths.sessions(project.name)} className="text-xs text-zinc-500 hover:text-zinc-800">
      ← Sessions
    </Link>
  );
  return <SessionView projectName={project.name} session={session} review={review} top={back} />;
}
