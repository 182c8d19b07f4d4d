"use server";

import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { dismissGroup } from "@/lib/themes/suggest/dismiss-group";
import { groupNoteIdsSchema } from "@/lib/themes/suggest/suggest-schemas";
import { rowIdSchema } from "@/lib/themes/theme-schemas";

const inputSchema = groupNoteIdsSchema.extend({ projectId: rowIdSchema });

/** Dismisses a suggested group: later suggestions leave out a group made mostly of its notes. */
export async function dismissGroupAction(input: unknown): Promise<ActionState<{ id: number }>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const dismissed = await dismissGroup(await currentActor(), parsed.data.projectId, parsed.data.noteIds);
    return { status: "success", message: "Dismissed the group.", data: dismissed };
  } catch (error) {
    return failure(error);
  }
}
