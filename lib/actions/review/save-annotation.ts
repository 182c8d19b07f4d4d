"use server";
// revalidatePath also drops review mode's prefetched next trace, so the next
// screen is rendered fresh (with this label counted). refresh() would keep the
// prefetch, but pages shown from it in Next 16.4 did not respond to clicks.

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { reviewAnnotationSchema, saveReviewAnnotation } from "@/lib/review/save-review-annotation";

export async function saveAnnotationAction(input: unknown): Promise<ActionState<number>> {
  const parsed = reviewAnnotationSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const id = await saveReviewAnnotation(await currentActor(), parsed.data);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", data: id };
  } catch (error) {
    return failure(error);
  }
}
