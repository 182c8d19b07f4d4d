import { z } from "zod";
import { setHistoryActor } from "@/lib/annotations/history-actor";
import { prisma } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { documentAnnotationSchema, sessionAnnotationSchema, spanAnnotationSchema, traceAnnotationSchema } from "@/lib/annotations/wire-schemas";
import { upsertAnnotations } from "@/lib/annotations/upsert-annotations";
import { resolveTargets, targetKindOf } from "@/lib/annotations/targets";
import { reviewRubricByName } from "./project-rubrics";
import { checkAgainstRubric, scoreForLabel } from "./rubric-values";

// The browser sends the same wire items as the REST API, tagged with their target.
export const reviewAnnotationSchema = z.discriminatedUnion("target", [
  z.object({ target: z.literal("SPAN"), item: spanAnnotationSchema }),
  z.object({ target: z.literal("TRACE"), item: traceAnnotationSchema }),
  z.object({ target: z.literal("SESSION"), item: sessionAnnotationSchema }),
  z.object({ target: z.literal("DOCUMENT"), item: documentAnnotationSchema }),
]);
export type ReviewAnnotationInput = z.infer<typeof reviewAnnotationSchema>;

const externalIdOf = (input: ReviewAnnotationInput) =>
  "span_id" in input.item ? input.item.span_id : "trace_id" in input.item ? input.item.trace_id : input.item.session_id;

/**
 * A reviewer's label or score from the app: checked against the project's
 * rubric, keyed by the reviewer's own identifier, source APP.
 */
export async function saveReviewAnnotation(actor: Actor | null, input: ReviewAnnotationInput): Promise<number> {
  authorize(actor, "annotate");
  const externalId = externalIdOf(input);
  const target = (await resolveTargets(targetKindOf(input.target), [externalId])).get(externalId)!;
  const rubric = await reviewRubricByName(target.projectId, input.item.name);
  if (!rubric) throw new NotFoundError(`Rubric ${input.item.name} is not used in this project.`);
  const result = { ...input.item.result };
  if (rubric.type === "CATEGORICAL" && result.score == null) result.score = scoreForLabel(rubric, result.label);
  const fieldErrors = checkAgainstRubric(rubric, result);
  if (fieldErrors) {
    const [field, [message]] = Object.entries(fieldErrors)[0];
    throw new ValidationError(`${rubric.name}: ${field} ${message}.`, fieldErrors);
  }
  const [id] = await upsertAnnotations(
    actor,
    input.target,
    [{
      target: input.target,
      externalId,
      documentPosition: "document_position" in input.item ? input.item.document_position : undefined,
      name: rubric.name,
      label: result.label ?? null,
      score: result.score ?? null,
      explanation: result.explanation?.trim() || null,
      metadata: input.item.metadata ?? {},
      annotatorKind: "HUMAN",
      identifier: actor.identifier,
    }],
    "APP",
  );
  return id;
}

/** Clearing deletes the reviewer's own annotation; the trigger keeps it in history. */
export async function deleteOwnAnnotation(actor: Actor | null, annotationId: number): Promise<void> {
  authorize(actor, "annotate");
  await deleteWithHistory(actor, { id: annotationId, userId: actor.userId, name: { not: "note" } }, "Annotation");
}

export async function deleteWithHistory(
  actor: Actor,
  where: { id: number; userId: string | null; name: string | { not: string } },
  noun: string,
): Promise<void> {
  const deleted = await prisma.$transaction(async (tx) => {
    await setHistoryActor(tx, actor);
    return tx.annotation.deleteMany({ where });
  });
  if (deleted.count === 0) throw new NotFoundError(`${noun} ${where.id} does not exist or is not yours.`);
}
