"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { deleteOwnAnnotation } from "@/lib/review/save-review-annotation";

export async function clearAnnotationAction(annotationId: unknown): Promise<ActionState> {
  const parsed = z.number().int().positive().safeParse(annotationId);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await deleteOwnAnnotation(await currentActor(), parsed.data);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success" };
  } catch (error) {
    return failure(error);
  }
}
