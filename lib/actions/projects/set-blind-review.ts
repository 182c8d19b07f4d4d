"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { setBlindReview } from "@/lib/projects/project-settings";

const schema = z.object({ projectId: z.coerce.number().int().positive(), blindReview: z.enum(["on", "off"]) });

export async function setBlindReviewAction(_: ActionState, form: FormData): Promise<ActionState> {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await setBlindReview(await currentActor(), parsed.data.projectId, parsed.data.blindReview === "on");
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", message: parsed.data.blindReview === "on" ? "Blind review is on." : "Blind review is off." };
  } catch (error) {
    return failure(error);
  }
}
