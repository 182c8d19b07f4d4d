import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QueueList } from "@/components/queues/queue-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { findProjectByName } from "@/lib/projects/projects";
import { listQueues } from "@/lib/queues/queues";
import type { RawSearchParams } from "@/lib/search-params";
import { paths } from "@/lib/url";

export const metadata: Metadata = { title: "Queues" };

const secondary = "rounded border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50";

export default async function QueuesPage({ params, searchParams }: { params: Promise<{ projectName: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  const [{ projectName }, rawParams] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const archived = rawParams.archived === "1";
  const queues = await listQueues(actor, project, { archived });
  const manage = can(actor, "manage-queues");
  return (
    <div className="px-4 py-4">
      <PageHeader title={archived ? "Archived queues" : "Queues"} description="Work handed out to reviewers: each item is claimed by one reviewer at a time until it has the reviews it needs.">
        <div className="flex items-center gap-2">
          <Link href={archived ? paths.queues(project.name) : `${paths.queues(project.name)}?archived=1`} className={secondary}>
            {archived ? "Show active queues" : "Show archived"}
          </Link>
          {can(actor, "adjudicate") ? (
            <Link href={paths.adjudicate(project.name)} className={secondary}>
              Adjudicate
            </Link>
          ) : null}
          {manage ? (
            <Link href={paths.newQueue(project.name, "from=traces")} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
              New queue
            </Link>
          ) : null}
        </div>
      </PageHeader>
      {queues.length === 0 ? (
        <EmptyState title={archived ? "No archived queues" : "No queues yet"}>
          {manage && !archived ? (
            <>
              Filter the <Link href={paths.traces(project.name)} className="text-indigo-700 underline">traces list</Link> and choose “Add these to a queue”, or
              start a <Link href={paths.newQueue(project.name, "from=traces")} className="text-indigo-700 underline">new queue</Link>.
            </>
          ) : archived ? null : (
            "Leads hand out review work here."
          )}
        </EmptyState>
      ) : (
        <QueueList projectName={project.name} archived={archived} initial={queues} canWork={can(actor, "annotate")} />
      )}
    </div>
  );
}
