import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AddToExistingQueue } from "@/components/queues/add-to-existing-queue";
import { QueueForm, type NewQueueSource } from "@/components/queues/queue-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { listReviewerChoices } from "@/lib/auth/reviewer-choices";
import { formatCappedCount, type CappedCount } from "@/lib/pagination/capped-count";
import { findProjectByName, type ProjectRef } from "@/lib/projects/projects";
import { parseNewQueueParams, queueLists, targetKindOfList, type QueueList } from "@/lib/queues/new-queue-params";
import { listQueues } from "@/lib/queues/queues";
import { annotationReader } from "@/lib/review/blind-review";
import { reviewRubricsForProject } from "@/lib/review/project-rubrics";
import type { RawSearchParams } from "@/lib/search-params";
import { countSessions } from "@/lib/sessions/list-sessions";
import { parseSessionFilters } from "@/lib/sessions/session-filters";
import { pickSessionRubric, sessionRubrics } from "@/lib/sessions/session-rubric";
import { countSpans } from "@/lib/spans/list-spans";
import { parseSpanFilters } from "@/lib/spans/span-filters";
import { countTraces } from "@/lib/traces/list-traces";
import { parseTraceFilters } from "@/lib/traces/trace-filters";
import { paths } from "@/lib/url";

export const metadata: Metadata = { title: "New queue" };

const listPath = { traces: paths.traces, spans: paths.spans, sessions: paths.sessions };

export default async function NewQueuePage({ params, searchParams }: { params: Promise<{ projectName: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  if (!can(actor, "manage-queues")) forbidden();
  const [{ projectName }, rawParams] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const { list, ids, query } = parseNewQueueParams(rawParams);
  const targetKind = targetKindOfList[list];
  const noun = list.slice(0, -1);
  const source: NewQueueSource = ids ? { kind: "ids", ids } : { kind: "filter", query };
  const [rubrics, reviewers, queues, count] = await Promise.all([
    reviewRubricsForProject(project.id),
    listReviewerChoices(actor),
    listQueues(actor, project, { archived: false }),
    ids ? null : countFilter(actor, project, list, query),
  ]);
  const listHref = query ? `${listPath[list](project.name)}?${query}` : listPath[list](project.name);
  const sourceSummary = ids
    ? `${ids.length.toLocaleString("en-US")} selected ${noun}${ids.length === 1 ? "" : "s"}`
    : `${formatCappedCount(count!, noun)} from ${query ? "this filter" : `the whole ${noun}s list`}`;
  const sameKind = queues.filter((queue) => queue.targetKind === targetKind);

  return (
    <div className="mx-auto max-w-5xl space-y-4 px-4 py-4">
      <Link href={paths.queues(project.name)} className="text-xs text-zinc-500 hover:text-zinc-800">
        ← All queues
      </Link>
      <PageHeader
        title="New queue"
        description={
          <>
            Queue {noun}s for reviewers to work through. <Link href={listHref} className="text-indigo-700 underline">Change the filter on the {list} list</Link>
            {" · "}
            {queueLists.filter((other) => other !== list).map((other, n) => (
              <span key={other}>
                {n > 0 ? " · " : ""}
                <Link href={paths.newQueue(project.name, `from=${other}`)} className="text-indigo-700 underline">
                  a queue of {other}
                </Link>
              </span>
            ))}
          </>
        }
      />
      <QueueForm
        projectName={project.name}
        targetKind={targetKind}
        mode={{ kind: "create", source, sourceSummary }}
        rubrics={rubrics.filter((rubric) => rubric.targets.includes(targetKind)).map(({ id, name, type, description }) => ({ id, name, type, description }))}
        reviewers={reviewers}
      />
      {sameKind.length > 0 ? <AddToExistingQueue projectName={project.name} source={source} queues={sameKind.map(({ id, name }) => ({ id, name }))} /> : null}
    </div>
  );
}

// How many rows the list's filter matches now, as the list counts them (capped).
async function countFilter(actor: Actor, project: ProjectRef, list: QueueList, query: string): Promise<CappedCount> {
  const raw = Object.fromEntries(new URLSearchParams(query));
  const reader = annotationReader(actor, project);
  if (list === "spans") return countSpans(project.id, parseSpanFilters(raw));
  if (list === "sessions") {
    const filters = parseSessionFilters(raw);
    return countSessions(project.id, filters, { rubric: pickSessionRubric(await sessionRubrics(project.id), filters.rubric), reader });
  }
  return countTraces(project.id, parseTraceFilters(raw), reader);
}
