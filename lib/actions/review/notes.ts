"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { writeNote } from "@/lib/annotations/notes";
import { noteSchema, wireText } from "@/lib/annotations/wire-schemas";
import { currentActor } from "@/lib/auth/current-actor";
import { deleteOwnNote, editOwnNote } from "@/lib/review/notes";

const newNoteSchema = noteSchema.pick({ note: true }).extend({
  kind: z.enum(["SPAN", "TRACE", "SESSION"]),
  externalId: z.string().min(1).max(500),
});

export async function writeNoteAction(input: unknown): Promise<ActionState<number>> {
  const parsed = newNoteSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { kind, externalId, note } = parsed.data;
    const id = await writeNote(await currentActor(), kind, externalId, note, { source: "APP" });
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", data: id };
  } catch (error) {
    return failure(error);
  }
}

const editSchema = z.object({ noteId: z.number().int().positive(), note: wireText(100_000) });

export async function editNoteAction(input: unknown): Promise<ActionState> {
  const parsed = editSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await editOwnNote(await currentActor(), parsed.data.noteId, parsed.data.note);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success" };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteNoteAction(noteId: unknown): Promise<ActionState> {
  const parsed = z.number().int().positive().safeParse(noteId);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await deleteOwnNote(await currentActor(), parsed.data);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success" };
  } catch (error) {
    return failure(error);
  }
}
