"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { rowIdSchema } from "@/lib/themes/theme-schemas";
import { deleteTheme } from "@/lib/themes/themes";

const inputSchema = z.object({ themeId: rowIdSchema });

/** Deletes a theme no note and no rubric uses (its history stays). */
export async function deleteThemeAction(input: unknown): Promise<ActionState> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const theme = await deleteTheme(await currentActor(), parsed.data.themeId);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", message: `Deleted theme ${theme.name}.` };
  } catch (error) {
    return failure(error);
  }
}
