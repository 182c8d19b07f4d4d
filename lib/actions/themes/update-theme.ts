"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { rowIdSchema, updateThemeSchema } from "@/lib/themes/theme-schemas";
import { updateTheme } from "@/lib/themes/themes";
import type { ThemeRef } from "@/lib/themes/theme-types";

const inputSchema = updateThemeSchema.extend({ themeId: rowIdSchema });

/** Renames a theme and/or changes its description (markdown). */
export async function updateThemeAction(input: unknown): Promise<ActionState<ThemeRef>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { themeId, ...changes } = parsed.data;
    const theme = await updateTheme(await currentActor(), themeId, changes);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", message: `Saved theme ${theme.name}.`, data: theme };
  } catch (error) {
    return failure(error);
  }
}
