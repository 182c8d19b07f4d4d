"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { setRubricProjects } from "@/lib/rubrics/rubric-project-links";
import { rubricInputSchema } from "@/lib/rubrics/rubric-schemas";
import { createRubric, deleteRubric, restoreRubric, updateRubric } from "@/lib/rubrics/rubrics";

const saveSchema = z.object({
  id: z.number().int().positive().nullable(),
  rubric: rubricInputSchema,
  projectIds: z.array(z.number().int().positive()),
});

// Creates or edits a rubric and sets the projects that use it.
export async function saveRubricAction(input: unknown): Promise<ActionState<number>> {
  const parsed = saveSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await currentActor();
    const { id, rubric, projectIds } = parsed.data;
    const saved = id ? await updateRubric(actor, id, rubric) : await createRubric(actor, rubric);
    await setRubricProjects(actor, saved.id, projectIds);
    revalidatePath("/rubrics");
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", message: `Saved rubric ${saved.name}.`, data: saved.id };
  } catch (error) {
    return failure(error);
  }
}

/** Deletes an unused rubric; one in use is archived (its annotations keep their name). */
export async function archiveRubricAction(id: unknown): Promise<ActionState> {
  const parsed = z.number().int().positive().safeParse(id);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { rubric, archived } = await deleteRubric(await currentActor(), parsed.data);
    revalidatePath("/rubrics");
    return { status: "success", message: archived ? `Archived ${rubric.name} (it is in use).` : `Deleted ${rubric.name}.` };
  } catch (error) {
    return failure(error);
  }
}

export async function restoreRubricAction(id: unknown): Promise<ActionState> {
  const parsed = z.number().int().positive().safeParse(id);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const rubric = await restoreRubric(await currentActor(), parsed.data);
    revalidatePath("/rubrics");
    return { status: "success", message: `Restored ${rubric.name}.` };
  } catch (error) {
    return failure(error);
  }
}
