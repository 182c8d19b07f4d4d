import type { Actor } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ThemeEventKind } from "@/lib/generated/prisma/enums";

// The pieces every theme write is made of, all inside the caller's transaction:
// a write and its theme_events rows commit together or not at all.
export type Tx = Prisma.TransactionClient;
export type ThemeRow = { id: number; projectId: number; name: string; description: string };

const themeColumns = { id: true, projectId: true, name: true, description: true } as const;

/** The theme, locked for the rest of the transaction (concurrent merges/splits queue up). */
export async function lockTheme(tx: Tx, themeId: number): Promise<ThemeRow> {
  const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM themes WHERE id = ${themeId} FOR UPDATE`;
  if (!locked) throw new NotFoundError(`Theme ${themeId} does not exist.`);
  return tx.theme.findUniqueOrThrow({ where: { id: themeId }, select: themeColumns });
}

/** Themes of one project by id, locked; any missing or foreign id fails naming it. */
export async function lockThemesOfProject(tx: Tx, projectId: number, themeIds: number[]): Promise<ThemeRow[]> {
  const ids = [...new Set(themeIds)];
  await tx.$queryRaw`SELECT id FROM themes WHERE id = ANY(${ids}::int[]) AND project_id = ${projectId} ORDER BY id FOR UPDATE`;
  const rows = await tx.theme.findMany({ where: { id: { in: ids }, projectId }, select: themeColumns });
  const missing = ids.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length) throw new NotFoundError(`No theme ${missing.join(", ")} in this project.`);
  return ids.map((id) => rows.find((row) => row.id === id)!);
}

/** Fails naming every id that is not a note of the project; nothing is written before. */
export async function assertNotesOfProject(tx: Tx, projectId: number, noteIds: number[]): Promise<number[]> {
  const ids = [...new Set(noteIds)];
  if (ids.length === 0) return ids;
  const found = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM annotations WHERE id = ANY(${ids}::int[]) AND project_id = ${projectId} AND name = 'note'`;
  const known = new Set(found.map((row) => row.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw new NotFoundError(`No note ${missing.join(", ")} in this project.`);
  return ids;
}

/** Tags notes (idempotent); returns only the notes that were not tagged yet, ascending. */
export async function insertTags(tx: Tx, actor: Actor, themeId: number, noteIds: number[]): Promise<number[]> {
  if (noteIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO note_themes (annotation_id, theme_id, tagged_by_id)
    SELECT unnest(${noteIds}::int[]), ${themeId}, ${actor.userId}::uuid
    ON CONFLICT (annotation_id, theme_id) DO NOTHING
    RETURNING annotation_id AS id`;
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** Removes tags; returns only the notes that had the tag, ascending. */
export async function deleteTags(tx: Tx, themeId: number, noteIds: number[]): Promise<number[]> {
  if (noteIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    DELETE FROM note_themes WHERE theme_id = ${themeId} AND annotation_id = ANY(${noteIds}::int[])
    RETURNING annotation_id AS id`;
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

export async function recordEvent(
  tx: Tx,
  actor: Actor,
  theme: { id: number; projectId: number },
  kind: ThemeEventKind,
  details: Prisma.InputJsonObject,
): Promise<void> {
  await tx.themeEvent.create({ data: { projectId: theme.projectId, themeId: theme.id, kind, details, actorId: actor.userId } });
}

/** Marks the theme changed (its notes or definition). */
export async function touchTheme(tx: Tx, themeId: number): Promise<void> {
  await tx.theme.update({ where: { id: themeId }, data: { updatedAt: new Date() } });
}

export const themeNameTaken = (name: string) =>
  new ConflictError(`A theme named "${name}" already exists in this project.`, { name: ["is already used by another theme in this project"] });

export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Refuses a name another theme of the project has (the unique index is the last word). */
export async function assertNameFree(tx: Tx, projectId: number, name: string, exceptId?: number): Promise<void> {
  const clash = await tx.theme.findFirst({ where: { projectId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw themeNameTaken(name);
}
