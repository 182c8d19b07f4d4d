import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { RubricEditor } from "@/components/rubrics/rubric-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { projectChoices } from "@/lib/rubrics/rubric-project-links";

export const metadata: Metadata = { title: "New rubric" };

export default async function NewRubricPage() {
  const actor = await requirePageActor();
  if (!can(actor, "manage-rubrics")) forbidden();
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <PageHeader title="New rubric" />
      <RubricEditor rubric={null} projects={await projectChoices()} projectIds={[]} />
    </div>
  );
}
