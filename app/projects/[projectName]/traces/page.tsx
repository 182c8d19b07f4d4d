import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-actor";
import { TraceFiltersForm } from "@/components/traces/trace-filters-form";
import { TracesTable } from "@/components/traces/traces-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { findProjectByName } from "@/lib/projects/projects";
import type { RawSearchParams } from "@/lib/search-params";
import { listTraces } from "@/lib/traces/list-traces";
import { parseTraceFilters } from "@/lib/traces/trace-filters";
import { flatParams, paths } from "@/lib/url";

export const metadata: Metadata = { title: "Traces" };

export default async function TracesPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectName: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  await requirePageActor();
  const [{ projectName }, rawParams] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const filters = parseTraceFilters(rawParams);
  const page = await listTraces(project.id, filters);
  return (
    <div className="px-4 py-4">
      <TraceFiltersForm filters={filters} />
      {page.rows.length === 0 ? (
        <EmptyState title="No traces match">Change or clear the filters to see more.</EmptyState>
      ) : (
        <>
          <TracesTable projectName={project.name} rows={page.rows} />
          <Pager basePath={paths.traces(project.name)} params={flatParams(rawParams)} nextCursor={page.nextCursor} shown={page.rows.length} />
        </>
      )}
    </div>
  );
}
