import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SessionReviewScreen } from "@/components/review/session-review-screen";
import { TraceReviewClient } from "@/components/review/trace-review-client";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/current-actor";
import { NotFoundError } from "@/lib/errors";
import { findProjectByName } from "@/lib/projects/projects";
import { openSessionReviewList, openTraceReviewList } from "@/lib/review/open-review-list";
import { traceReviewItem } from "@/lib/review/review-item";
import { getReviewList, reviewListPosition } from "@/lib/review/review-lists";
import { reviewQuery } from "@/lib/review/review-queue";
import type { RawSearchParams } from "@/lib/search-params";
import { paths } from "@/lib/url";

export const metadata: Metadata = { title: "Review" };

const one = (raw: RawSearchParams, key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);

// One trace (or one session) per screen over a list frozen when review mode
// opened: `?list=<id>&i=<n>` is position n of that snapshot, so a reload
// resumes and a label that takes an item out of the filter moves nothing.
// A URL with filters instead (the lists' "Review these …" links, old links)
// freezes that list and redirects to its first position.
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ projectName: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  const [{ projectName }, raw] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const listId = one(raw, "list");
  if (!listId) {
    const sessions = one(raw, "of") === "sessions";
    const list = await (sessions ? openSessionReviewList : openTraceReviewList)(actor, project, raw);
    if (list) redirect(`${paths.review(project.name)}?list=${list.id}&i=0`);
    const query = reviewQuery(raw);
    const listHref = `${sessions ? paths.sessions(project.name) : paths.traces(project.name)}${query ? `?${query}` : ""}`;
    return (
      <div className="px-4 py-8">
        <EmptyState title="Nothing to review">
          No {sessions ? "session" : "trace"} matches these filters. <Link href={listHref} className="text-indigo-700 underline">Back to the list</Link>
        </EmptyState>
      </div>
    );
  }
  const list = await getReviewList(actor, project, listId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const index = one(raw, "i") ?? "0";
  const listHref = `${list.kind === "SESSION" ? paths.sessions(project.name) : paths.traces(project.name)}${list.query ? `?${list.query}` : ""}`;
  if (list.kind === "TRACE") {
    // Traces are drawn in the browser from TanStack Query's cache after this first screen (trace-review-client.tsx).
    const span = one(raw, "span");
    const item = await traceReviewItem(actor, project, list, Number(index), span);
    const initialRef = { project: project.name, listId: list.id, index, span };
    return <TraceReviewClient project={project.name} reviewPath={paths.review(project.name)} listHref={listHref} initial={item} initialRef={initialRef} />;
  }
  const position = await reviewListPosition(list, Number(index), actor.userId);
  const at = (i: number) => `${paths.review(project.name)}?list=${list.id}&i=${i}`;
  return <SessionReviewScreen actor={actor} project={project} position={position} at={at} listHref={listHref} />;
}
