import type { Metadata } from "next";
import { ListTable } from "@/components/ui/list-table";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/current-actor";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatNumber } from "@/lib/format";
import { listProjects } from "@/lib/projects/projects";
import { YourQueues } from "@/components/queues/your-queues";
import { can } from "@/lib/auth/permissions";
import { myQueues } from "@/lib/queues/queues";

const projectColumns = [
  { label: "Project" },
  { label: "Traces", className: "text-right" },
  { label: "Spans", className: "text-right" },
  { label: "Sessions", className: "text-right" },
  { label: "Annotations", className: "text-right" },
  { label: "Last trace (UTC)" },
];

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const actor = await requirePageActor();
  const [projects, queues] = await Promise.all([listProjects(), can(actor, "annotate") ? myQueues(actor) : []]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      {queues.length > 0 ? <YourQueues queues={queues} /> : null}
      <PageHeader title="Projects" description="Each project collects the traces one application sends." />
      {projects.length === 0 ? (
        <EmptyState title="No projects yet">
          Send traces over OTLP to <code className="font-mono">/v1/traces</code>, or run <code className="font-mono">npm run db:seed</code> for demo data.
        </EmptyState>
      ) : (
        <ListTable columns={projectColumns}>
              {projects.map((project) => (
                <tr key={project.id} className="hover:bg-zinc-50">
                  <td className="px-4 py-2.5">
                    <Link href={`/projects/${encodeURIComponent(project.name)}/traces`} className="font-medium text-indigo-700 hover:underline">
                      {project.name}
                    </Link>
                    {project.description ? <p className="text-xs text-zinc-500">{project.description}</p> : null}
                  </td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(project.traceCount)}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(project.spanCount)}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(project.sessionCount)}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(project.annotationCount)}</td>
                  <td className="px-4 py-2.5 font-mono text-xs text-zinc-500">
                    {project.lastTraceAt ? formatDateTime(project.lastTraceAt) : "—"}
                  </td>
                </tr>
              ))}
            </ListTable>
      )}
    </div>
  );
}
