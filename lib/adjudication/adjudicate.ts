import { z } from "zod";
import { prisma } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { resolveTargets, targetKindOf } from "@/lib/annotations/targets";
import { upsertAnnotations } from "@/lib/annotations/upsert-annotations";
import { reviewRubricByName } from "@/lib/review/project-rubrics";
import { checkAgainstRubric, scoreForLabel } from "@/lib/review/rubric-values";
import { adjudicateInputSchema, type AdjudicateInput } from "./adjudication-schemas";
import { ADJUDICATED_IDENTIFIER } from "./adjudication-types";
import type { ProjectRef } from "./disagreements";

export type Adjudication = { annotationId: number; label: string | null; score: number | null };

/**
 * A lead's final value for a (target, rubric): a label of a categorical rubric
 * or a score of a continuous one, with a required reason. Written through the
 * annotation upsert like any other annotation, keyed by identifier
 * `adjudicated`, the reason as its explanation: adjudicating again overwrites
 * it and the replaced version goes to annotation_history (trigger), and the
 * Phoenix annotation reads return it like any annotation. Leads and admins only.
 */
export async function adjudicate(actor: Actor | null, project: ProjectRef, input: AdjudicateInput): Promise<Adjudication> {
  authorize(actor, "adjudicate");
  const parsed = adjudicateInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    throw new ValidationError(parsed.error.issues[0]?.message ?? "Invalid adjudication.", fieldErrors);
  }
  const { target, rubric: rubricName, reason } = parsed.data;
  const kind = targetKindOf(target.kind);
  const resolved = (await resolveTargets(kind, [target.id])).get(target.id)!;
  if (resolved.projectId !== project.id) throw new NotFoundError(`${target.id} is not in this project.`);
  const rubric = await reviewRubricByName(project.id, rubricName);
  if (!rubric) throw new NotFoundError(`Rubric ${rubricName} is not used in this project.`);
  if (rubric.type === "FREEFORM") throw new ValidationError(`${rubric.name} is free text: there is no value to settle.`, { rubric: ["is free text"] });

  const label = rubric.type === "CATEGORICAL" ? (parsed.data.label ?? null) : null;
  const score = rubric.type === "CATEGORICAL" ? scoreForLabel(rubric, label) : (parsed.data.score ?? null);
  const fieldErrors = checkAgainstRubric(rubric, { label, score, explanation: reason });
  if (fieldErrors) {
    const [field, [message]] = Object.entries(fieldErrors)[0];
    throw new ValidationError(`${rubric.name}: ${field} ${message}.`, fieldErrors);
  }
  const [annotationId] = await upsertAnnotations(
    actor,
    target.kind,
    [{
      target: target.kind,
      externalId: target.id,
      documentPosition: target.documentPosition,
      name: rubric.name,
      label,
      score,
      explanation: reason,
      metadata: {},
      annotatorKind: "HUMAN",
      identifier: ADJUDICATED_IDENTIFIER,
    }],
    "APP",
  );
  return { annotationId, label, score };
}

/** The project a server action names by id (NotFound when it is gone). */
export async function adjudicationProject(projectId: number): Promise<ProjectRef> {
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { id: true, blindReview: true } });
  if (!project) throw new NotFoundError(`Project ${projectId} does not exist.`);
  return project;
}
