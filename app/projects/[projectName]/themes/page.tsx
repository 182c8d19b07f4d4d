import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewThemeForm } from "@/components/themes/new-theme-form";
import { ThemesTable } from "@/components/themes/themes-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { findProjectByName } from "@/lib/projects/projects";
import { listThemes } from "@/lib/themes/themes";
import { paths } from "@/lib/url";

export const metadata: Metadata = { title: "Themes" };

export default async function ThemesPage({ params }: { params: Promise<{ projectName: string }> }) {
  const actor = await requirePageActor();
  const project = await findProjectByName(decodeURIComponent((await params).projectName));
  if (!project) notFound();
  const themes = await listThemes(actor, project.id);
  const manage = can(actor, "manage-themes");
  return (
    <div className="px-4 py-4">
      <PageHeader title="Themes" description="Recurring failure modes found in reviewers' notes. A theme opens the traces it touches; promoted, it becomes a rubric.">
        {manage ? (
          <Link href={paths.suggestGroups(project.name)} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
            Suggest groups
          </Link>
        ) : null}
      </PageHeader>
      <div className={manage ? "grid grid-cols-[minmax(0,1fr)_18rem] items-start gap-6" : undefined}>
        {themes.length === 0 ? (
          <EmptyState title="No themes yet">
            {manage ? (
              <>
                Create one here, tag notes on the <Link href={`${paths.project(project.name)}/notes`} className="text-indigo-700 underline">Notes</Link> page,
                or let <Link href={paths.suggestGroups(project.name)} className="text-indigo-700 underline">Suggest groups</Link> propose some from untagged notes.
              </>
            ) : (
              "Leads group reviewers' notes into themes here."
            )}
          </EmptyState>
        ) : (
          <ThemesTable projectId={project.id} projectName={project.name} themes={themes} manage={manage} />
        )}
        {manage ? <NewThemeForm projectId={project.id} /> : null}
      </div>
    </div>
  );
}
