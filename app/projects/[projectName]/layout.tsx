import Link from "next/link";
import { notFound } from "next/navigation";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { findProjectByName } from "@/lib/projects/projects";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ projectName: string }>;
}) {
  const actor = await requirePageActor();
  const { projectName } = await params;
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  return (
    <div>
      <div className="border-b border-zinc-200 bg-white px-4">
        <div className="flex items-center gap-2 pt-3 text-xs text-zinc-500">
          <Link href="/" className="hover:text-zinc-800">
            Projects
          </Link>
          <span aria-hidden>/</span>
          <span className="font-medium text-zinc-800">{project.name}</span>
        </div>
        <ProjectTabs projectName={project.name} showSettings={can(actor, "manage-rubrics")} showAdjudicate={can(actor, "adjudicate")} />
      </div>
      {children}
    </div>
  );
}
