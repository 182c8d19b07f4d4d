"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { noteIdsSchema, rowIdSchema } from "@/lib/themes/theme-schemas";
import { tagNotes, untagNotes } from "@/lib/themes/themes";

const inputSchema = z.object({ themeId: rowIdSchema, noteIds: noteIdsSchema.min(1, "select at least one note") });
const notes = (n: number) => `${n} note${n === 1 ? "" : "s"}`;

/** Tags notes with a theme; notes that already have it are left as they are. */
export async function tagNotesAction(input: unknown): Promise<ActionState<{ noteIds: number[] }>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const result = await tagNotes(await currentActor(), parsed.data.themeId, parsed.data.noteIds);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", message: `Tagged ${notes(result.noteIds.length)}.`, data: result };
  } catch (error) {
    return failure(error);
  }
}

/** Removes a theme from notes. */
export async function untagNotesAction(input: unknown): Promise<ActionState<{ noteIds: number[] }>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const result = await untagNotes(await currentActor(), parsed.data.themeId, parsed.data.noteIds);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", message: `Untagged ${notes(result.noteIds.length)}.`, data: result };
  } catch (error) {
    return failure(error);
  }
}
