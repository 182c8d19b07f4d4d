import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { AddToQueueLink } from "@/components/queues/add-to-queue-link";
import { QueueSelection } from "@/components/queues/queue-selection";
import { reviewQuery } from "@/lib/review/review-queue";
import { SpansTable } from "@/components/traces/spans-table";
import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import { EmptyState } from "@/components/ui/empty-state";
import { ListCount } from "@/components/ui/list-count";
import { FilterSelect, optionsOf, SubmitButton } from "@/components/ui/form-controls";
import { Pager } from "@/components/ui/pager";
import { findProjectByName } from "@/lib/projects/projects";
import type { RawSearchParams } from "@/lib/search-params";
import { spanKinds, statusCodes } from "@/lib/search-params";
import { countSpans, listSpanNames, listSpans } from "@/lib/spans/list-spans";
import { parseSpanFilters } from "@/lib/spans/span-filters";
import { flatParams, paths } from "@/lib/url";

export const metadata: Metadata = { title: "Spans" };

export default async function SpansPage({
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
  const filters = parseSpanFilters(rawParams);
  // Leads hand the filtered list (or the rows they tick) to reviewers as a queue.
  const queueing = can(actor, "manage-queues");
  const query = reviewQuery(rawParams);
  const [page, names, count] = await Promise.all([listSpans(project.id, filters), listSpanNames(project.id), countSpans(project.id, filters)]);
  return (
    <div className="px-4 py-4">
      <AutoSubmitForm label="Filter spans" className="flex flex-wrap items-end gap-3 pb-3">
        <FilterSelect name="kind" label="Span kind" value={filters.kind} options={optionsOf(spanKinds)} />
        <FilterSelect name="name" label="Name" value={filters.name} options={optionsOf(names)} />
        <FilterSelect name="status" label="Status" value={filters.status} options={optionsOf(statusCodes)} />
        <SubmitButton>Apply</SubmitButton>
      </AutoSubmitForm>
      {page.rows.length === 0 ? (
        <EmptyState title="No spans match">Change or clear the filters to see more.</EmptyState>
      ) : (
        <>
          <div className="flex items-center justify-between pb-2">
            <ListCount count={count} noun="span" />
            {queueing ? <AddToQueueLink projectName={project.name} list="spans" filters={query} count={count} /> : null}
          </div>
          {queueing ? (
            <QueueSelection key={`${query}&${flatParams(rawParams).cursor ?? ""}`} projectName={project.name} list="spans">
              <SpansTable projectName={project.name} rows={page.rows} selectable />
            </QueueSelection>
          ) : (
            <SpansTable projectName={project.name} rows={page.rows} />
          )}
          <Pager basePath={paths.spans(project.name)} params={flatParams(rawParams)} nextCursor={page.nextCursor} shown={page.rows.length} />
        </>
      )}
    </div>
  );
}
