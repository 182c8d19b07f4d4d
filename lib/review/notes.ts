import { prisma } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { AnnotationTarget } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import { deleteWithHistory } from "./save-review-annotation";

export type NoteView = {
  id: number;
  targetType: AnnotationTarget;
  spanId: string | null;
  spanName: string | null;
  text: string;
  userName: string | null;
  createdAt: Date;
  updatedAt: Date;
  mine: boolean;
};

const noteSelect = {
  id: true, targetType: true, explanation: true, userId: true, createdAt: true, updatedAt: true,
  user: { select: { name: true } }, span: { select: { spanId: true, name: true } },
} as const;

type NoteRow = { id: number; targetType: AnnotationTarget; explanation: string | null; userId: string | null; createdAt: Date; updatedAt: Date; user: { name: string } | null; span: { spanId: string; name: string } | null };

function toView(actor: Actor, row: NoteRow): NoteView {
  return {
    id: row.id, targetType: row.targetType, spanId: row.span?.spanId ?? null, spanName: row.span?.name ?? null,
    text: row.explanation ?? "", userName: row.user?.name ?? null, createdAt: row.createdAt, updatedAt: row.updatedAt,
    mine: row.userId !== null && row.userId === actor.userId,
  };
}

/** Notes on a trace and on every span in it, oldest first (a thread). */
export async function notesOnTrace(actor: Actor | null, traceRowId: number): Promise<NoteView[]> {
  authorize(actor, "read");
  const rows = await prisma.annotation.findMany({
    where: { traceRowId, name: RESERVED_NOTE_NAME },
    select: noteSelect,
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => toView(actor, row));
}

export async function notesOnSession(actor: Actor | null, sessionRowId: number): Promise<NoteView[]> {
  authorize(actor, "read");
  const rows = await prisma.annotation.findMany({
    where: { sessionRowId, targetType: "SESSION", name: RESERVED_NOTE_NAME },
    select: noteSelect,
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => toView(actor, row));
}

/** A reviewer edits only their own note; the previous text goes to history. */
export async function editOwnNote(actor: Actor | null, noteId: number, text: string): Promise<void> {
  authorize(actor, "write-note");
  const trimmed = text.trim();
  if (!trimmed) throw new ValidationError("A note cannot be empty.", { note: ["must not be empty"] });
  const { count } = await prisma.annotation.updateMany({
    where: { id: noteId, name: RESERVED_NOTE_NAME, userId: actor.userId },
    data: { explanation: trimmed, updatedAt: new Date() },
  });
  if (count === 0) throw new NotFoundError(`Note ${noteId} does not exist or is not yours.`);
}

export async function deleteOwnNote(actor: Actor | null, noteId: number): Promise<void> {
  authorize(actor, "write-note");
  await deleteWithHistory(actor, { id: noteId, userId: actor.userId, name: RESERVED_NOTE_NAME }, "Note");
}
