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
  // The session and the project are looked up side by side (the page under this
  // layout shares both look-ups: React's per-render cache).
  const { projectName } = await params;
  const [actor, project] = await Promise.all([requirePageActor(), findProjectByName(decodeURIComponent(projectName))]);
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
