import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";

// The other side of project assignment: which projects use one rubric.
export async function projectIdsOfRubric(rubricId: number): Promise<number[]> {
  const links = await prisma.projectRubric.findMany({ where: { rubricId }, select: { projectId: true } });
  return links.map((link) => link.projectId);
}

/** Replaces the projects a rubric is used in, in one transaction. */
export async function setRubricProjects(actor: Actor | null, rubricId: number, projectIds: number[]): Promise<void> {
  authorize(actor, "manage-rubrics");
  const ids = [...new Set(projectIds)];
  await prisma.$transaction([
    prisma.projectRubric.deleteMany({ where: { rubricId, projectId: { notIn: ids } } }),
    prisma.projectRubric.createMany({ data: ids.map((projectId) => ({ projectId, rubricId })), skipDuplicates: true }),
  ]);
}

export async function projectChoices(): Promise<{ id: number; name: string }[]> {
  return prisma.project.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
