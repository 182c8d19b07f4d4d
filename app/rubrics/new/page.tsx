import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { RubricEditor } from "@/components/rubrics/rubric-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { projectChoices } from "@/lib/rubrics/rubric-project-links";

export const metadata: Metadata = { title: "New rubric" };

// `?project=<name>` (the link on a project's settings) ticks that project, so
// the rubric is attached to the project it was made from unless unticked.
export default async function NewRubricPage({ searchParams }: { searchParams: Promise<{ project?: string | string[] }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "manage-rubrics")) forbidden();
  const [projects, { project }] = await Promise.all([projectChoices(), searchParams]);
  const from = projects.find((choice) => choice.name === project);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <PageHeader title="New rubric" description={from ? `For ${from.name}: it is attached to that project once created.` : undefined} />
      <RubricEditor rubric={null} projects={projects} projectIds={from ? [from.id] : []} />
    </div>
  );
}
