import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { RubricEditor } from "@/components/rubrics/rubric-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { projectChoices, projectIdsOfRubric } from "@/lib/rubrics/rubric-project-links";
import { getRubric } from "@/lib/rubrics/rubrics";

export const metadata: Metadata = { title: "Edit rubric" };

export default async function EditRubricPage({ params }: { params: Promise<{ rubricId: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "manage-rubrics")) forbidden();
  const id = Number((await params).rubricId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const rubric = await getRubric(actor, { id }).catch(() => null);
  if (!rubric) notFound();
  const [projects, projectIds] = await Promise.all([projectChoices(), projectIdsOfRubric(id)]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <PageHeader title={`Rubric ${rubric.name}`} description="Changes apply to new annotations; existing ones keep their values." />
      <RubricEditor rubric={rubric} projects={projects} projectIds={projectIds} />
    </div>
  );
}
