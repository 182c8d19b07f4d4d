import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// The demo project's rubrics: what a support-bot eval lead would start with.
export const demoRubrics: Prisma.RubricCreateInput[] = [
  {
    name: "correctness",
    type: "CATEGORICAL",
    description: "Is the answer **factually correct** for Acme Cloud's policies and the customer's situation?\n\n- *correct*: nothing wrong or missing\n- *partially_correct*: right direction, a wrong or missing detail\n- *incorrect*: wrong, or answers another question",
    optimizationDirection: "MAXIMIZE",
    values: [{ label: "correct", score: 1 }, { label: "partially_correct", score: 0.5 }, { label: "incorrect", score: 0 }],
    targets: ["TRACE"],
    // Review mode's Enter waits for this label; scores and free text are optional.
    required: true,
  },
  {
    name: "helpfulness",
    type: "CONTINUOUS",
    description: "How much did this turn move the customer forward? 0 = not at all, 10 = fully resolved.",
    optimizationDirection: "MAXIMIZE",
    lowerBound: 0,
    upperBound: 10,
    targets: ["TRACE"],
  },
  {
    name: "faithfulness",
    type: "CATEGORICAL",
    description: "Does the generated answer stay within what the retrieved documents say?",
    optimizationDirection: "MAXIMIZE",
    values: [{ label: "faithful", score: 1 }, { label: "unfaithful", score: 0 }],
    targets: ["SPAN"],
    spanKinds: ["LLM"],
  },
  {
    name: "relevance",
    type: "CATEGORICAL",
    description: "Is this retrieved document relevant to the customer's question?",
    optimizationDirection: "MAXIMIZE",
    values: [{ label: "relevant", score: 1 }, { label: "irrelevant", score: 0 }],
    targets: ["DOCUMENT"],
  },
  {
    name: "user_satisfaction",
    type: "CONTINUOUS",
    description: "How satisfied would the customer be with the whole conversation? 1 = very unhappy, 5 = delighted.",
    optimizationDirection: "MAXIMIZE",
    lowerBound: 1,
    upperBound: 5,
    targets: ["SESSION"],
  },
  {
    name: "failure_mode",
    type: "FREEFORM",
    description: "What went wrong, in a few words (only when something did).",
    optimizationDirection: "NONE",
    targets: ["TRACE"],
  },
];

/** Creates the demo rubrics (once) and attaches them to the project. */
export async function seedDemoRubrics(db: Db, projectName: string): Promise<void> {
  const project = await db.project.findUnique({ where: { name: projectName }, select: { id: true } });
  if (!project) return;
  for (const rubric of demoRubrics) {
    const { id } = await db.rubric.upsert({ where: { name: rubric.name }, create: rubric, update: {}, select: { id: true } });
    await db.projectRubric.upsert({
      where: { projectId_rubricId: { projectId: project.id, rubricId: id } },
      create: { projectId: project.id, rubricId: id },
      update: {},
    });
  }
}
