import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { ExportMenu } from "@/components/export/export-menu";
import { AddToQueueLink } from "@/components/queues/add-to-queue-link";
import { QueueSelection } from "@/components/queues/queue-selection";
import { TraceFiltersForm } from "@/components/traces/trace-filters-form";
import { TracesTable } from "@/components/traces/traces-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ListCount } from "@/components/ui/list-count";
import { Pager } from "@/components/ui/pager";
import { findProjectByName } from "@/lib/projects/projects";
import type { RawSearchParams } from "@/lib/search-params";
import { annotationReader } from "@/lib/review/blind-review";
import { reviewRubricsForProject } from "@/lib/review/project-rubrics";
import { reviewQuery } from "@/lib/review/review-queue";
import { countTraces, listTraces } from "@/lib/traces/list-traces";
import { traceReviewSummaries } from "@/lib/traces/trace-review-summary";
import { parseTraceFilters } from "@/lib/traces/trace-filters";
import { findThemeRef } from "@/lib/themes/themes";
import { flatParams, paths, withoutParams } from "@/lib/url";

export const metadata: Metadata = { title: "Traces" };

export default async function TracesPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectName: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const [{ projectName }, rawParams] = await Promise.all([params, searchParams]);
  const [actor, project] = await Promise.all([requirePageActor(), findProjectByName(decodeURIComponent(projectName))]);
  if (!project) notFound();
  const filters = parseTraceFilters(rawParams);
  const reader = annotationReader(actor, project);
  const [page, rubrics, count, theme] = await Promise.all([
    listTraces(project.id, filters, reader),
    reviewRubricsForProject(project.id),
    countTraces(project.id, filters, reader),
    filters.theme ? findThemeRef(actor, project.id, filters.theme) : null,
  ]);
  const summaries = await traceReviewSummaries(page.rows.map((row) => row.id), reader);
  const reviewHref = `${paths.review(project.name)}?${reviewQuery(rawParams)}`;
  // Leads hand the filtered list (or the rows they tick) to reviewers as a queue.
  const queueing = can(actor, "manage-queues");
  const themeChip = filters.theme
    ? { id: filters.theme, name: theme?.name ?? null, removeHref: withoutParams(paths.traces(project.name), rawParams, ["theme", "cursor"]) }
    : null;
  return (
    <div className="px-4 py-4">
      <TraceFiltersForm filters={filters} rubrics={rubrics.map((r) => ({ name: r.name, labels: r.values.map((v) => v.label) }))} theme={themeChip} />
      {page.rows.length === 0 ? (
        <EmptyState title="No traces match">Change or clear the filters to see more.</EmptyState>
      ) : (
        <>
          <div className="flex items-center justify-between pb-2">
            <ListCount count={count} noun="trace" />
            <div className="flex items-center gap-2">
              <ExportMenu project={project.name} query={reviewQuery(rawParams)} />
              {queueing ? <AddToQueueLink projectName={project.name} list="traces" filters={reviewQuery(rawParams)} count={count} /> : null}
              {/* Not prefetched: opening it freezes the list for review mode. */}
              <Link href={reviewHref} prefetch={false} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
                Review these traces →
              </Link>
            </div>
          </div>
          {queueing ? (
            <QueueSelection key={`${reviewQuery(rawParams)}&${flatParams(rawParams).cursor ?? ""}`} projectName={project.name} list="traces">
              <TracesTable projectName={project.name} rows={page.rows} summaries={summaries} selectable />
            </QueueSelection>
          ) : (
            <TracesTable projectName={project.name} rows={page.rows} summaries={summaries} />
          )}
          <Pager basePath={paths.traces(project.name)} params={flatParams(rawParams)} nextCursor={page.nextCursor} shown={page.rows.length} />
        </>
      )}
    </div>
  );
}
