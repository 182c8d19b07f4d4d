import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { CreatedNotice } from "@/components/rubrics/created-notice";
import { RubricEditor } from "@/components/rubrics/rubric-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { projectChoices, projectIdsOfRubric } from "@/lib/rubrics/rubric-project-links";
import { getRubric } from "@/lib/rubrics/rubrics";
import { themesOfRubric } from "@/lib/themes/theme-summaries";
import { paths } from "@/lib/url";

export const metadata: Metadata = { title: "Edit rubric" };

type SearchParams = Promise<{ created?: string | string[] }>;

export default async function EditRubricPage({ params, searchParams }: { params: Promise<{ rubricId: string }>; searchParams: SearchParams }) {
  const actor = await requirePageActor();
  if (!can(actor, "manage-rubrics")) forbidden();
  const id = Number((await params).rubricId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const rubric = await getRubric(actor, { id }).catch(() => null);
  if (!rubric) notFound();
  const [projects, projectIds, themes, { created }] = await Promise.all([projectChoices(), projectIdsOfRubric(id), themesOfRubric(id), searchParams]);
  const attached = projects.filter((project) => projectIds.includes(project.id)).map((project) => project.name);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <PageHeader title={`Rubric ${rubric.name}`} description="Changes apply to new annotations; existing ones keep their values." />
      {created === "1" ? <CreatedNotice message={createdMessage(rubric.name, attached)} /> : null}
      {themes.length > 0 ? (
        <p className="mb-4 text-sm text-zinc-600">
          From themes:{" "}
          {themes.map((theme, index) => (
            <span key={theme.id}>
              {index > 0 ? ", " : null}
              <Link href={paths.theme(theme.projectName, theme.id)} className="text-indigo-700 hover:underline">
                {theme.name}
              </Link>
              {themes.some((other) => other.projectId !== theme.projectId) ? <span className="text-zinc-400"> ({theme.projectName})</span> : null}
            </span>
          ))}
        </p>
      ) : null}
      <RubricEditor rubric={rubric} projects={projects} projectIds={projectIds} />
    </div>
  );
}

// Set by the editor after it creates a rubric (`?created=1`).
function createdMessage(name: string, projects: string[]): string {
  if (projects.length === 0) return `Rubric ${name} created. It is not used in any project yet: tick one below.`;
  return `Rubric ${name} created and attached to ${new Intl.ListFormat("en").format(projects)}.`;
}
