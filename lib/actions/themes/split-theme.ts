"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { splitTheme } from "@/lib/themes/merge-split";
import { noteIdsSchema, rowIdSchema, splitThemeSchema } from "@/lib/themes/theme-schemas";
import type { ThemeRef } from "@/lib/themes/theme-types";

const inputSchema = splitThemeSchema.extend({ themeId: rowIdSchema, noteIds: noteIdsSchema.min(1, "select at least one note") });

/** Moves the selected notes of a theme out into a new theme. */
export async function splitThemeAction(input: unknown): Promise<ActionState<ThemeRef>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { themeId, noteIds, ...theme } = parsed.data;
    const created = await splitTheme(await currentActor(), themeId, noteIds, theme);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", message: `Moved ${noteIds.length} note${noteIds.length === 1 ? "" : "s"} to ${created.name}.`, data: created };
  } catch (error) {
    return failure(error);
  }
}
