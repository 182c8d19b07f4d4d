"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { promoteThemes, promoteThemesSchema } from "@/lib/themes/promote-themes";
import { rowIdSchema } from "@/lib/themes/theme-schemas";

const inputSchema = promoteThemesSchema.extend({ projectId: rowIdSchema });

/** Makes a rubric (categorical) or one rubric per theme (boolean) of the selected themes. */
export async function promoteThemesAction(input: unknown): Promise<ActionState<{ rubricIds: number[] }>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { projectId, ...promotion } = parsed.data;
    const result = await promoteThemes(await currentActor(), projectId, promotion);
    revalidatePath("/rubrics");
    revalidatePath("/projects/[projectName]", "layout");
    const n = result.rubricIds.length;
    return { status: "success", message: `Created ${n} rubric${n === 1 ? "" : "s"}.`, data: result };
  } catch (error) {
    return failure(error);
  }
}
