import { z } from "zod";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import { ConflictError } from "@/lib/errors";
import { AnnotationTarget } from "@/lib/generated/prisma/enums";
import { categoricalRubricSchema } from "@/lib/rubrics/rubric-schemas";
import { parseInput, rowIdSchema } from "./theme-schemas";
import { snakeCase } from "./snake-case";
import { isUniqueViolation, lockThemesOfProject, recordEvent, type ThemeRow, type Tx } from "./theme-store";

// Promote: themes become rubrics reviewers label with. "categorical" makes one
// rubric whose labels are the themes (plus "none of these"); "boolean" makes one
// present/absent rubric per theme. The theme descriptions become the guidelines.

export const NONE_OF_THESE = "none of these";

export const promoteThemesSchema = z.object({
  themeIds: z.array(rowIdSchema, { error: "must be a list of theme ids" }).min(1, "select at least one theme").max(100, "must list at most 100 themes"),
  mode: z.enum(["categorical", "boolean"], { error: "must be categorical or boolean" }),
  name: z.string().trim().max(200, "must be at most 200 characters").optional(),
  targets: z.array(z.enum(Object.values(AnnotationTarget))).min(1, "must name at least one target").optional(),
});
export type PromoteThemesInput = z.input<typeof promoteThemesSchema>;


// One list item per label: the rubric's description is the labelling guideline.
const guidelineLine = (label: string, description: string) => {
  const text = description.replace(/\s*\n\s*/g, " ").trim();
  return text ? `- **${label}**: ${text}` : `- **${label}**`;
};

type RubricPlan = { name: string; description: string; values: { label: string; score: number | null }[]; themes: { theme: ThemeRow; label: string }[] };

function plans(themes: ThemeRow[], mode: "categorical" | "boolean", name: string | undefined): RubricPlan[] {
  if (mode === "categorical") {
    const labels = themes.map((theme) => theme.name);
    return [{
      name: name || snakeCase(labels.join(" "), `themes_${themes[0].id}`),
      description: [
        ...themes.map((theme) => guidelineLine(theme.name, theme.description)),
        guidelineLine(NONE_OF_THESE, "none of the themes above applies."),
      ].join("\n"),
      values: [...labels, NONE_OF_THESE].map((label) => ({ label, score: null })),
      themes: themes.map((theme) => ({ theme, label: theme.name })),
    }];
  }
  return themes.map((theme) => ({
    name: themes.length === 1 && name ? name : snakeCase(theme.name, `theme_${theme.id}`),
    description: theme.description,
    values: [{ label: "present", score: 1 }, { label: "absent", score: 0 }],
    themes: [{ theme, label: "present" }],
  }));
}

const nameTaken = (name: string) =>
  new ConflictError(`A rubric named ${name} already exists: choose another name.`, { name: [`${name} is already a rubric`] });

async function createPlannedRubric(tx: Tx, projectId: number, plan: RubricPlan, targets: AnnotationTarget[]): Promise<number> {
  if (plan.name === RESERVED_NOTE_NAME) throw new ConflictError(`The name "${RESERVED_NOTE_NAME}" is reserved for notes.`, { name: ["is reserved"] });
  // The rubric schema checks the labels and the guideline's length, naming the field.
  const rubric = parseInput(categoricalRubricSchema, { type: "CATEGORICAL", name: plan.name, description: plan.description || null, values: plan.values, targets });
  if (await tx.rubric.findUnique({ where: { name: rubric.name }, select: { id: true } })) throw nameTaken(rubric.name);
  const created = await tx.rubric.create({
    data: {
      name: rubric.name, type: "CATEGORICAL", description: rubric.description ?? null, optimizationDirection: rubric.optimizationDirection,
      values: rubric.values.map((v) => ({ label: v.label, score: v.score ?? null })), targets,
    },
    select: { id: true },
  });
  await tx.projectRubric.create({ data: { projectId, rubricId: created.id } });
  await tx.rubricTheme.createMany({ data: plan.themes.map(({ theme, label }) => ({ rubricId: created.id, themeId: theme.id, label })) });
  return created.id;
}

/** Makes rubrics of themes, attached to the project and linked to the themes, in one transaction. */
export async function promoteThemes(actor: Actor | null, projectId: number, input: PromoteThemesInput): Promise<{ rubricIds: number[] }> {
  authorize(actor, "manage-themes");
  authorize(actor, "manage-rubrics");
  const { themeIds, mode, name, targets = ["TRACE"] } = parseInput(promoteThemesSchema, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const themes = await lockThemesOfProject(tx, projectId, themeIds);
      const rubricPlans = plans(themes, mode, name);
      const names = rubricPlans.map((plan) => plan.name);
      const repeated = names.find((n, i) => names.indexOf(n) !== i);
      if (repeated) throw new ConflictError(`Two themes would both become rubric ${repeated}: rename one of them.`, { name: [`${repeated} twice`] });
      const rubricIds: number[] = [];
      for (const plan of rubricPlans) {
        const rubricId = await createPlannedRubric(tx, projectId, plan, targets);
        rubricIds.push(rubricId);
        for (const { theme, label } of plan.themes) {
          await recordEvent(tx, actor, theme, "PROMOTE", { mode, rubricIds: [rubricId], rubricName: plan.name, label });
        }
      }
      return { rubricIds };
    });
  } catch (error) {
    // A concurrent rubric of the same name: the unique index answers.
    if (isUniqueViolation(error)) throw new ConflictError("A rubric of that name was created meanwhile: choose another name.", { name: ["is already a rubric"] });
    throw error;
  }
}
