import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { rubricSelect, toRubric } from "./rubrics";
import type { Rubric } from "./rubric-schemas";

/** Every rubric (archived ones last) with the names of the projects using it; one query. */
export async function listRubricsWithProjects(actor: Actor | null): Promise<(Rubric & { projects: string[] })[]> {
  authorize(actor, "read");
  const records = await prisma.rubric.findMany({
    select: { ...rubricSelect, projects: { select: { project: { select: { name: true } } } } },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
  });
  return records.map(({ projects, ...record }) => ({ ...toRubric(record), projects: projects.map((p) => p.project.name) }));
}
