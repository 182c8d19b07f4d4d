import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { DisagreementList } from "@/components/adjudication/disagreement-list";
import { ScopeChooser } from "@/components/adjudication/scope-chooser";
import { StatusTabs, ThresholdFilter } from "@/components/adjudication/list-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageAnnouncer } from "@/components/ui/page-announcer";
import { PageHeader } from "@/components/ui/page-header";
import { adjudicationScopes } from "@/lib/adjudication/adjudication-scopes";
import { disagreementQuery, parseDisagreementParams, type ParsedDisagreementFilters } from "@/lib/adjudication/adjudication-schemas";
import type { AdjudicationScopes } from "@/lib/adjudication/adjudication-types";
import { listDisagreements } from "@/lib/adjudication/disagreements";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { findProjectByName } from "@/lib/projects/projects";
import type { RawSearchParams } from "@/lib/search-params";
import { flatParams, paths } from "@/lib/url";

export const metadata: Metadata = { title: "Adjudicate" };

// Disagreements of a queue (`?queue=<id>`) or a rubric (`?rubric=<name>`),
// open or resolved; without either, the chooser. Leads and admins only.
export default async function AdjudicatePage({ params, searchParams }: { params: Promise<{ projectName: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  if (!can(actor, "adjudicate")) forbidden();
  const [{ projectName }, raw] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const filters = parseDisagreementParams(flatParams(raw));
  const scopes = await adjudicationScopes(actor, project);

  if (!filters) {
    return (
      <div className="mx-auto max-w-5xl space-y-4 px-4 py-4">
        <PageHeader title="Adjudicate" description="Where reviewers disagree: choose a queue or a rubric, then record the final values." />
        <ScopeChooser project={project.name} scopes={scopes} />
      </div>
    );
  }

  const title = scopeTitle(filters, scopes);
  const page = await listDisagreements(actor, project, filters).catch((error: unknown) => {
    if (error instanceof DomainError) return error;
    throw error;
  });
  return (
    <div className="mx-auto max-w-5xl space-y-4 px-4 py-4">
      <Link href={paths.adjudicate(project.name)} className="text-xs text-zinc-500 hover:text-zinc-800">
        ← All queues and rubrics
      </Link>
      <PageHeader
        title={`Adjudicate · ${title}`}
        description={
          <>
            Every reviewer&apos;s value side by side. Record the final value with a reason: it is stored as the{" "}
            <code className="font-mono text-sm">adjudicated</code> annotation.
          </>
        }
      />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <StatusTabs project={project.name} filters={filters} />
        {hasContinuous(filters, scopes) ? <ThresholdFilter filters={filters} /> : null}
      </div>
      <p className="text-xs text-zinc-500">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move between items, <kbd>1</kbd>–<kbd>9</kbd> pick a label, Tab to the reason, <kbd>Ctrl</kbd>+<kbd>Enter</kbd> records.
      </p>
      {page instanceof DomainError ? (
        <EmptyState title="Nothing to adjudicate here">{page.message}</EmptyState>
      ) : (
        <PageAnnouncer key={filters.status}>
          <p className="mb-3 text-sm text-zinc-600" data-testid="disagreement-count">
            {page.total === 0
              ? filters.status === "open" ? "No open disagreements." : "No final values recorded yet."
              : `${formatNumber(page.total)} ${filters.status === "open" ? "open" : "resolved"} · showing ${formatNumber(page.rows.length)}`}
          </p>
          <DisagreementList project={project.name} projectId={project.id} rows={page.rows} />
          {page.total > page.rows.length ? (
            <Link
              href={paths.adjudicate(project.name, disagreementQuery(filters, { limit: String(page.limit + 50) }))}
              className="mt-3 inline-block text-sm text-indigo-700 underline"
            >
              Show more
            </Link>
          ) : null}
        </PageAnnouncer>
      )}
    </div>
  );
}

function scopeTitle(filters: ParsedDisagreementFilters, scopes: AdjudicationScopes): string {
  if (filters.queueId !== undefined) {
    const queue = scopes.queues.find((q) => q.id === filters.queueId);
    const name = queue ? `queue ${queue.name}` : `queue ${filters.queueId}`;
    return filters.rubric ? `${name}, ${filters.rubric}` : name;
  }
  return `rubric ${filters.rubric}`;
}

function hasContinuous(filters: ParsedDisagreementFilters, scopes: AdjudicationScopes): boolean {
  const continuous = new Set(scopes.rubrics.filter((r) => r.type === "CONTINUOUS").map((r) => r.name));
  if (filters.rubric) return continuous.has(filters.rubric);
  return scopes.queues.find((q) => q.id === filters.queueId)?.rubrics.some((name) => continuous.has(name)) ?? false;
}
