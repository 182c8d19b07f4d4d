import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getRubric, listRubrics, type RubricRef } from "./rubrics";
import type { Rubric } from "./rubric-schemas";

// Which rubrics a project offers its reviewers (Phoenix: project annotation configs).
// Assigning and unassigning are idempotent, as in Phoenix.

export async function assignRubric(actor: Actor | null, projectId: number, ref: RubricRef): Promise<Rubric> {
  authorize(actor, "manage-rubrics");
  const rubric = await getRubric(actor, ref);
  await prisma.projectRubric.upsert({
    where: { projectId_rubricId: { projectId, rubricId: rubric.id } },
    create: { projectId, rubricId: rubric.id },
    update: {},
  });
  return rubric;
}

export async function unassignRubric(actor: Actor | null, projectId: number, ref: RubricRef): Promise<void> {
  authorize(actor, "manage-rubrics");
  const rubric = await getRubric(actor, ref);
  await prisma.projectRubric.deleteMany({ where: { projectId, rubricId: rubric.id } });
}

/** Replaces the project's whole set; every rubric must exist, or nothing changes. */
export async function setProjectRubrics(actor: Actor | null, projectId: number, rubricIds: number[]): Promise<Rubric[]> {
  authorize(actor, "manage-rubrics");
  const ids = [...new Set(rubricIds)];
  const found = await prisma.rubric.findMany({ where: { id: { in: ids }, archivedAt: null }, select: { id: true } });
  const missing = ids.filter((id) => !found.some((row) => row.id === id));
  if (missing.length) throw new NotFoundError(`Annotation configs with ids ${missing.join(", ")} do not exist.`);
  await prisma.$transaction([
    prisma.projectRubric.deleteMany({ where: { projectId, rubricId: { notIn: ids } } }),
    prisma.projectRubric.createMany({ data: ids.map((rubricId) => ({ projectId, rubricId })), skipDuplicates: true }),
  ]);
  return (await listRubrics(actor, { projectId, limit: 1000 })).rows;
}
