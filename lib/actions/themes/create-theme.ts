"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { createThemeSchema, rowIdSchema } from "@/lib/themes/theme-schemas";
import { createTheme } from "@/lib/themes/themes";
import type { ThemeRef } from "@/lib/themes/theme-types";

const inputSchema = createThemeSchema.extend({ projectId: rowIdSchema });

/** Creates a theme in a project, tagging the selected notes with it. */
export async function createThemeAction(input: unknown): Promise<ActionState<ThemeRef>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { projectId, ...theme } = parsed.data;
    const created = await createTheme(await currentActor(), projectId, theme);
    revalidatePath("/projects/[projectName]", "layout");
    const tagged = theme.noteIds?.length ? ` with ${notesNoun(new Set(theme.noteIds).size)}` : "";
    return { status: "success", message: `Created theme ${created.name}${tagged}.`, data: created };
  } catch (error) {
    return failure(error);
  }
}

const notesNoun = (n: number) => `${n} note${n === 1 ? "" : "s"}`;
