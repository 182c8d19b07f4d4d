"use server";

import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { nameGroupWithLlm, type LlmName } from "@/lib/themes/suggest/name-with-llm";
import { groupNoteIdsSchema } from "@/lib/themes/suggest/suggest-schemas";
import { rowIdSchema } from "@/lib/themes/theme-schemas";

const inputSchema = groupNoteIdsSchema.extend({ projectId: rowIdSchema });

/** "Name with LLM": a proposed theme name and one-line definition for a suggested group. */
export async function nameGroupAction(input: unknown): Promise<ActionState<LlmName>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const named = await nameGroupWithLlm(await currentActor(), parsed.data.projectId, parsed.data.noteIds);
    return { status: "success", data: named };
  } catch (error) {
    return failure(error);
  }
}
