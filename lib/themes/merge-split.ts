import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { noteIdsSchema, parseInput, rowIdSchema, splitThemeSchema, type SplitThemeInput } from "./theme-schemas";
import {
  assertNameFree, assertNotesOfProject, isUniqueViolation, lockThemesOfProject, recordEvent, themeNameTaken, touchTheme,
  type Tx, type ThemeRow,
} from "./theme-store";
import type { ThemeRef } from "./theme-types";

// Reorganising themes: merge two into one, split some notes out into a new one.
// Every note keeps the tags it had (a note tagged with both merged themes keeps
// one tag); the moved tags keep who tagged them and when.

async function lockPair(tx: Tx, firstId: number, secondId: number): Promise<[ThemeRow, ThemeRow]> {
  const [first] = await tx.$queryRaw<{ project_id: number }[]>`SELECT project_id FROM themes WHERE id = ${firstId}`;
  if (!first) throw new NotFoundError(`Theme ${firstId} does not exist.`);
  const [a, b] = await lockThemesOfProject(tx, first.project_id, [firstId, secondId]);
  return [a, b];
}

/** Moves every note of `fromId` to `intoId` and deletes `fromId`; MERGE events on both. */
export async function mergeThemes(actor: Actor | null, fromId: number, intoId: number): Promise<ThemeRef> {
  authorize(actor, "manage-themes");
  parseInput(rowIdSchema, fromId);
  parseInput(rowIdSchema, intoId);
  if (fromId === intoId) throw new ValidationError("A theme cannot be merged into itself.", { intoId: ["must be another theme"] });
  return prisma.$transaction(async (tx) => {
    const [from, into] = await lockPair(tx, fromId, intoId);
    const notes = (await tx.noteTheme.findMany({ where: { themeId: from.id }, select: { annotationId: true }, orderBy: { annotationId: "asc" } }))
      .map((row) => row.annotationId);
    const added = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO note_themes (annotation_id, theme_id, tagged_by_id, tagged_at)
      SELECT annotation_id, ${into.id}, tagged_by_id, tagged_at FROM note_themes WHERE theme_id = ${from.id}
      ON CONFLICT (annotation_id, theme_id) DO NOTHING
      RETURNING annotation_id AS id`;
    // A rubric made from `from` now explains `into`'s notes.
    const rubrics = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO rubric_themes (rubric_id, theme_id, label)
      SELECT rubric_id, ${into.id}, label FROM rubric_themes WHERE theme_id = ${from.id}
      ON CONFLICT (rubric_id, theme_id) DO NOTHING
      RETURNING rubric_id AS id`;
    await tx.theme.delete({ where: { id: from.id } });
    const addedIds = added.map((row) => row.id).sort((a, b) => a - b);
    const rubricIds = rubrics.map((row) => row.id).sort((a, b) => a - b);
    await recordEvent(tx, actor, from, "MERGE", { mergedIntoId: into.id, mergedIntoName: into.name, noteIds: notes, name: from.name, description: from.description });
    await recordEvent(tx, actor, into, "MERGE", { mergedFromId: from.id, mergedFromName: from.name, noteIds: notes, addedNoteIds: addedIds, rubricIds });
    await touchTheme(tx, into.id);
    return { id: into.id, name: into.name };
  });
}

/** Moves the selected notes of a theme out into a new theme; SPLIT events on both. */
export async function splitTheme(actor: Actor | null, themeId: number, noteIds: number[], input: SplitThemeInput): Promise<ThemeRef> {
  authorize(actor, "manage-themes");
  const ids = parseInput(noteIdsSchema.min(1, "select at least one note"), noteIds);
  const { name, description = "" } = parseInput(splitThemeSchema, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const [source] = await lockThemesOfProject(tx, await projectOf(tx, themeId), [themeId]);
      const notes = await assertNotesOfProject(tx, source.projectId, ids);
      const tagged = await tx.noteTheme.findMany({ where: { themeId, annotationId: { in: notes } }, select: { annotationId: true } });
      const outside = notes.filter((id) => !tagged.some((row) => row.annotationId === id));
      if (outside.length) {
        throw new ValidationError(`Note ${outside.join(", ")} is not tagged with theme "${source.name}".`, { noteIds: ["must be notes of the theme"] });
      }
      await assertNameFree(tx, source.projectId, name);
      const created = await tx.theme.create({ data: { projectId: source.projectId, name, description, createdById: actor.userId }, select: { id: true, projectId: true, name: true } });
      await tx.noteTheme.updateMany({ where: { themeId, annotationId: { in: notes } }, data: { themeId: created.id } });
      const moved = [...notes].sort((a, b) => a - b);
      await recordEvent(tx, actor, created, "CREATE", { name, description, splitFromId: source.id });
      await recordEvent(tx, actor, created, "SPLIT", { splitFromId: source.id, splitFromName: source.name, noteIds: moved });
      await recordEvent(tx, actor, source, "SPLIT", { splitIntoId: created.id, splitIntoName: name, noteIds: moved });
      await touchTheme(tx, source.id);
      return { id: created.id, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw themeNameTaken(name);
    throw error;
  }
}

async function projectOf(tx: Tx, themeId: number): Promise<number> {
  const theme = await tx.theme.findUnique({ where: { id: themeId }, select: { projectId: true } });
  if (!theme) throw new NotFoundError(`Theme ${themeId} does not exist.`);
  return theme.projectId;
}
