import type { Metadata } from "next";
import { ListTable } from "@/components/ui/list-table";
import Link from "next/link";
import { ArchiveRubricButton } from "@/components/rubrics/archive-rubric-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageAnnouncer } from "@/components/ui/page-announcer";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listRubricsWithProjects } from "@/lib/rubrics/rubric-list";

const rubricColumns = [{ label: "Rubric" }, { label: "Type" }, { label: "Values" }, { label: "Applies to" }, { label: "Projects" }, { label: "" }];

export const metadata: Metadata = { title: "Rubrics" };

export default async function RubricsPage() {
  const actor = await requirePageActor();
  const rubrics = await listRubricsWithProjects(actor);
  const manage = can(actor, "manage-rubrics");
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <PageHeader title="Rubrics" description="What reviewers label and score: each rubric becomes a form on the traces, spans, documents or sessions it applies to.">
        {manage ? (
          <Link href="/rubrics/new" className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
            New rubric
          </Link>
        ) : null}
      </PageHeader>
      <PageAnnouncer>
      {rubrics.length === 0 ? (
        <EmptyState title="No rubrics yet">Leads create rubrics here, or over the API as annotation configs.</EmptyState>
      ) : (
        <ListTable columns={rubricColumns}>
              {rubrics.map((rubric) => (
                <tr key={rubric.id} className={rubric.archivedAt ? "text-zinc-400" : undefined}>
                  <td className="px-3 py-2">
                    {manage && !rubric.archivedAt ? (
                      <Link href={`/rubrics/${rubric.id}`} className="font-medium text-indigo-700 hover:underline">{rubric.name}</Link>
                    ) : (
                      <span className="font-medium">{rubric.name}</span>
                    )}
                    {rubric.archivedAt ? <span className="ml-2 text-xs">(archived)</span> : null}
                  </td>
                  <td className="px-3 py-2 text-xs">{rubric.type.toLowerCase()}</td>
                  <td className="px-3 py-2 text-xs">
                    {rubric.type === "CATEGORICAL" ? rubric.values.map((v) => v.label).join(", ") : rubric.type === "CONTINUOUS" ? `${rubric.lowerBound ?? "−∞"} to ${rubric.upperBound ?? "∞"}` : "text"}
                  </td>
                  <td className="px-3 py-2 text-xs">
                    {rubric.targets.map((t) => t.toLowerCase()).join(", ")}
                    {rubric.spanKinds.length ? ` (${rubric.spanKinds.join(", ")})` : ""}
                  </td>
                  <td className="px-3 py-2 text-xs">{rubric.projects.join(", ") || "—"}</td>
                  <td className="px-3 py-2 text-right">{manage ? <ArchiveRubricButton id={rubric.id} name={rubric.name} archived={!!rubric.archivedAt} /> : null}</td>
                </tr>
              ))}
            </ListTable>
      )}
      </PageAnnouncer>
    </div>
  );
}
