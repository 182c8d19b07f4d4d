import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { AddToQueueLink } from "@/components/queues/add-to-queue-link";
import { QueueSelection } from "@/components/queues/queue-selection";
import { SessionFiltersForm } from "@/components/sessions/session-filters-form";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ListCount } from "@/components/ui/list-count";
import { Pager } from "@/components/ui/pager";
import { findProjectByName } from "@/lib/projects/projects";
import { annotationReader } from "@/lib/review/blind-review";
import { reviewQuery } from "@/lib/review/review-queue";
import type { RawSearchParams } from "@/lib/search-params";
import { countSessions, listSessions } from "@/lib/sessions/list-sessions";
import { parseSessionFilters } from "@/lib/sessions/session-filters";
import { pickSessionRubric, sessionRubrics } from "@/lib/sessions/session-rubric";
import { flatParams, paths } from "@/lib/url";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectName: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const actor = await requirePageActor();
  const [{ projectName }, rawParams] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const filters = parseSessionFilters(rawParams);
  const rubrics = await sessionRubrics(project.id);
  const rubric = pickSessionRubric(rubrics, filters.rubric);
  const ctx = { rubric, reader: annotationReader(actor, project) };
  const [page, count] = await Promise.all([listSessions(project.id, filters, ctx), countSessions(project.id, filters, ctx)]);
  const query = reviewQuery(rawParams);
  // Leads hand the filtered list (or the rows they tick) to reviewers as a queue.
  const queueing = can(actor, "manage-queues");
  // A plain link (not prefetched): opening it freezes the list for review mode.
  const reviewHref = `${paths.review(project.name)}?${new URLSearchParams([["of", "sessions"], ...new URLSearchParams(query)])}`;
  return (
    <div className="px-4 py-4">
      <SessionFiltersForm filters={filters} rubrics={rubrics} rubric={rubric} />
      {page.rows.length === 0 ? (
        <EmptyState title={filters.cursor ? "No more sessions" : "No sessions match"}>
          Change or clear the filters to see more. Spans with a <code className="font-mono">session.id</code> attribute group into sessions.
        </EmptyState>
      ) : (
        <>
          <div className="flex items-center justify-between pb-2">
            <ListCount count={count} noun="session" />
            <div className="flex items-center gap-2">
              {queueing ? <AddToQueueLink projectName={project.name} list="sessions" filters={query} count={count} /> : null}
              <Link href={reviewHref} prefetch={false} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
                Review these sessions →
              </Link>
            </div>
          </div>
          {queueing ? (
            <QueueSelection key={`${query}&${flatParams(rawParams).cursor ?? ""}`} projectName={project.name} list="sessions">
              <SessionsTable projectName={project.name} rows={page.rows} rubric={rubric} selectable />
            </QueueSelection>
          ) : (
            <SessionsTable projectName={project.name} rows={page.rows} rubric={rubric} />
          )}
          <Pager basePath={paths.sessions(project.name)} params={flatParams(rawParams)} nextCursor={page.nextCursor} shown={page.rows.length} />
        </>
      )}
    </div>
  );
}
