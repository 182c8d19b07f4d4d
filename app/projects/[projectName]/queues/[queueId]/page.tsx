import type { Metadata } from "next";
import Link from "next/link";
import { ExportMenu } from "@/components/export/export-menu";
import { AddItemsForm } from "@/components/queues/add-items-form";
import { ArchiveQueueButton } from "@/components/queues/archive-queue-button";
import { dateOnly } from "@/components/queues/fetch-json";
import { MyFinishedItems } from "@/components/queues/my-finished-items";
import { QueueItemFilters } from "@/components/queues/queue-item-filters";
import { QueueItemsTable } from "@/components/queues/queue-items-table";
import { QueueProgressPanel } from "@/components/queues/queue-progress-panel";
import { MarkdownView } from "@/components/trace/markdown-view";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listReviewerChoices } from "@/lib/auth/reviewer-choices";
import { myFinishedItems } from "@/lib/queues/claims";
import { listOfTargetKind } from "@/lib/queues/new-queue-params";
import { fillFromRule, listItems, queueProgress } from "@/lib/queues/queue-items";
import { itemFiltersSchema } from "@/lib/queues/queue-schemas";
import type { RawSearchParams } from "@/lib/search-params";
import { flatParams, paths } from "@/lib/url";
import { loadQueueFromParams } from "./load-queue";

export const metadata: Metadata = { title: "Queue" };

const buttonLink = "rounded border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50";
const listPath = { traces: paths.traces, spans: paths.spans, sessions: paths.sessions };

export default async function QueuePage({ params, searchParams }: { params: Promise<{ projectName: string; queueId: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  const [routeParams, rawParams] = await Promise.all([params, searchParams]);
  const { project, queue } = await loadQueueFromParams(actor, routeParams);
  const manage = can(actor, "manage-queues");
  const work = can(actor, "annotate");
  // A rule queue takes in new matches when someone looks at it (throttled in the domain).
  if (queue.rule && !queue.archivedAt) await fillFromRule(queue.id);
  const flat = flatParams(rawParams);
  const parsedFilters = itemFiltersSchema.safeParse({ status: flat.status, reviewer: flat.reviewer, cursor: flat.cursor });
  const filters = parsedFilters.success ? parsedFilters.data : itemFiltersSchema.parse({});
  const [progress, items, reviewers, finished] = await Promise.all([
    queueProgress(actor, project, queue.id),
    listItems(actor, project, queue.id, filters),
    manage ? listReviewerChoices(actor) : Promise.resolve([]),
    work ? myFinishedItems(actor, project, queue.id) : Promise.resolve([]),
  ]);
  const list = listOfTargetKind[queue.targetKind];
  const noun = list.slice(0, -1);
  const filterReviewers = manage ? reviewers : progress.perReviewer.map((r) => ({ id: r.userId, name: r.name }));

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-4">
      <Link href={paths.queues(project.name)} className="text-xs text-zinc-500 hover:text-zinc-800">
        ← All queues
      </Link>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-lg font-semibold tracking-tight text-zinc-900">{queue.name}</h1>
          {queue.archivedAt ? <span className="rounded bg-zinc-200 px-1.5 py-0.5 text-xs font-medium text-zinc-700">archived</span> : null}
          {queue.rule ? <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-800" title={queue.rule}>by rule</span> : null}
        </div>
        <p className="text-sm text-zinc-500">
          {list} · {queue.reviewsNeeded} review{queue.reviewsNeeded === 1 ? "" : "s"} per item · rubrics {queue.rubrics.map((r) => r.name).join(", ")} ·{" "}
          {queue.openToAllReviewers ? "all reviewers" : `reviewers: ${queue.reviewers.map((r) => r.name).join(", ") || "none"}`} · claims expire after{" "}
          {Math.round(queue.claimTimeoutSeconds / 60)} min{queue.dueAt ? ` · due ${dateOnly(queue.dueAt)}` : ""}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {work && !queue.archivedAt ? (
            <Link href={paths.queueWork(project.name, queue.id)} prefetch={false} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
              Start reviewing
            </Link>
          ) : null}
          <ExportMenu project={project.name} query={`queue=${queue.id}`} />
          {manage ? (
            <>
              <Link href={`${paths.queue(project.name, queue.id)}/edit`} className={buttonLink}>
                Edit settings
              </Link>
              {can(actor, "adjudicate") ? (
                <Link href={paths.adjudicate(project.name, `queue=${queue.id}`)} className={buttonLink}>
                  Adjudicate
                </Link>
              ) : null}
              <ArchiveQueueButton projectName={project.name} queueId={queue.id} archived={queue.archivedAt !== null} />
            </>
          ) : null}
        </div>
      </header>
      <section aria-labelledby="queue-instructions" className="max-w-3xl space-y-1">
        <h2 id="queue-instructions" className="text-sm font-semibold text-zinc-900">
          Instructions
        </h2>
        {queue.instructions ? <MarkdownView text={queue.instructions} /> : <p className="text-sm text-zinc-500">No instructions.</p>}
      </section>
      <QueueProgressPanel projectName={project.name} queueId={queue.id} initial={progress} />
      {work ? <MyFinishedItems projectName={project.name} queueId={queue.id} items={finished} /> : null}
      <section aria-labelledby="queue-items" className="space-y-2">
        <h2 id="queue-items" className="text-sm font-semibold text-zinc-900">
          Items
        </h2>
        <QueueItemFilters status={flat.status} reviewer={flat.reviewer} reviewers={filterReviewers} />
        {items.rows.length === 0 ? (
          <EmptyState title={filters.cursor ? "No more items" : "No items match"}>{progress.itemCount === 0 ? `Add ${noun}s to this queue.` : "Change or clear the filters."}</EmptyState>
        ) : (
          <>
            <QueueItemsTable projectName={project.name} queueId={queue.id} reviewsNeeded={queue.reviewsNeeded} rows={items.rows} manage={manage} reviewers={reviewers} />
            <Pager basePath={paths.queue(project.name, queue.id)} params={flat} nextCursor={items.nextCursor === null ? null : String(items.nextCursor)} shown={items.rows.length} />
          </>
        )}
      </section>
      {manage && !queue.archivedAt ? (
        <section aria-labelledby="add-items" className="max-w-3xl space-y-2">
          <h2 id="add-items" className="text-sm font-semibold text-zinc-900">
            Add items
          </h2>
          <AddItemsForm projectName={project.name} queueId={queue.id} listHref={listPath[list](project.name)} noun={noun} />
        </section>
      ) : null}
    </div>
  );
}
