"use server";

import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { deleteOwnAnnotation, reviewAnnotationSchema, saveReviewAnnotation } from "@/lib/review/save-review-annotation";

// Review mode's saves: the same domain calls as lib/actions/review/*, without
// revalidatePath. The screen is drawn from the browser's TanStack Query cache
// (components/review/trace-review-client.tsx), which refetches its own item
// after a save; a revalidation would also render the whole page on the server
// for every label, while the reviewer is already on the next trace.

export async function saveInReviewAction(input: unknown): Promise<ActionState<number>> {
  const parsed = reviewAnnotationSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    return { status: "success", data: await saveReviewAnnotation(await currentActor(), parsed.data) };
  } catch (error) {
    return failure(error);
  }
}

export async function clearInReviewAction(annotationId: unknown): Promise<ActionState> {
  const parsed = z.number().int().positive().safeParse(annotationId);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await deleteOwnAnnotation(await currentActor(), parsed.data);
    return { status: "success" };
  } catch (error) {
    return failure(error);
  }
}
