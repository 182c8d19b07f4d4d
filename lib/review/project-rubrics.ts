import { prisma } from "@/lib/db";
import { categoricalValuesSchema, type ReviewRubric } from "./rubric-values";

/** The active (not archived) rubrics attached to a project, for its review forms. */
export async function reviewRubricsForProject(projectId: number): Promise<ReviewRubric[]> {
  const rows = await prisma.rubric.findMany({
    where: { archivedAt: null, projects: { some: { projectId } } },
    select: {
      id: true, name: true, type: true, description: true, values: true,
      lowerBound: true, upperBound: true, targets: true, spanKinds: true, required: true,
    },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    values: categoricalValuesSchema.catch([]).parse(row.values),
    spanKinds: row.spanKinds as string[],
  }));
}

export async function reviewRubricByName(projectId: number, name: string): Promise<ReviewRubric | null> {
  return (await reviewRubricsForProject(projectId)).find((rubric) => rubric.name === name) ?? null;
}
