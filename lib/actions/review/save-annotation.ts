"use server";
// Actions here call refresh(), not revalidatePath(): every page reads the database
// at request time, so only the current view needs re-rendering, and keeping the
// router cache keeps review mode's prefetched next trace ready.

import { refresh } from "next/cache";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { reviewAnnotationSchema, saveReviewAnnotation } from "@/lib/review/save-review-annotation";

export async function saveAnnotationAction(input: unknown): Promise<ActionState<number>> {
  const parsed = reviewAnnotationSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const id = await saveReviewAnnotation(await currentActor(), parsed.data);
    refresh();
    return { status: "success", data: id };
  } catch (error) {
    return failure(error);
  }
}
