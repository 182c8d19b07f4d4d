import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { themeSummaries, themeEventsOf, type ThemeEventView } from "./theme-summaries";
import {
  createThemeSchema, noteIdsSchema, parseInput, updateThemeSchema, type CreateThemeInput, type UpdateThemeInput,
} from "./theme-schemas";
import {
  assertNameFree, assertNotesOfProject, deleteTags, insertTags, isUniqueViolation, lockTheme, recordEvent,
  themeNameTaken, touchTheme,
} from "./theme-store";
import type { ThemeRef, ThemeSummary } from "./theme-types";

// Themes: a lead's named groups of notes. Writes need 'manage-themes' and write
// theme_events in the same transaction; reads need 'read'.

async function withNameClash<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (name !== undefined && isUniqueViolation(error)) throw themeNameTaken(name);
    throw error;
  }
}

/** Creates a theme, tagging `noteIds` (notes of the project) in the same transaction. */
export async function createTheme(actor: Actor | null, projectId: number, input: CreateThemeInput): Promise<ThemeRef> {
  authorize(actor, "manage-themes");
  const { name, description = "", noteIds = [] } = parseInput(createThemeSchema, input);
  return withNameClash(name, () =>
    prisma.$transaction(async (tx) => {
      const project = await tx.project.findUnique({ where: { id: projectId }, select: { id: true } });
      if (!project) throw new NotFoundError(`Project ${projectId} does not exist.`);
      const notes = await assertNotesOfProject(tx, projectId, noteIds);
      await assertNameFree(tx, projectId, name);
      const theme = await tx.theme.create({ data: { projectId, name, description, createdById: actor.userId }, select: { id: true, projectId: true, name: true } });
      await recordEvent(tx, actor, theme, "CREATE", { name, description });
      const tagged = await insertTags(tx, actor, theme.id, notes);
      if (tagged.length) await recordEvent(tx, actor, theme, "TAG", { noteIds: tagged });
      return { id: theme.id, name: theme.name };
    }),
  );
}

/** Renames and/or re-describes a theme; the event keeps before and after. */
export async function updateTheme(actor: Actor | null, themeId: number, input: UpdateThemeInput): Promise<ThemeRef> {
  authorize(actor, "manage-themes");
  const changes = parseInput(updateThemeSchema, input);
  return withNameClash(changes.name, () =>
    prisma.$transaction(async (tx) => {
      const theme = await lockTheme(tx, themeId);
      const name = changes.name ?? theme.name;
      const description = changes.description ?? theme.description;
      if (name === theme.name && description === theme.description) return { id: theme.id, name };
      if (name !== theme.name) await assertNameFree(tx, theme.projectId, name, theme.id);
      await tx.theme.update({ where: { id: theme.id }, data: { name, description } });
      await recordEvent(tx, actor, theme, "UPDATE", {
        before: { name: theme.name, description: theme.description },
        after: { name, description },
      });
      return { id: theme.id, name };
    }),
  );
}

/** Deletes a theme that tags no note and no rubric was made from; its history stays. */
export async function deleteTheme(actor: Actor | null, themeId: number): Promise<ThemeRef> {
  authorize(actor, "manage-themes");
  return prisma.$transaction(async (tx) => {
    const theme = await lockTheme(tx, themeId);
    const notes = await tx.noteTheme.count({ where: { themeId } });
    if (notes > 0) {
      throw new ConflictError(`Theme "${theme.name}" still tags ${notes} note${notes === 1 ? "" : "s"}: untag them or merge the theme into another first.`);
    }
    const rubrics = await tx.rubricTheme.findMany({ where: { themeId }, select: { rubric: { select: { name: true } } } });
    if (rubrics.length > 0) {
      throw new ConflictError(`Theme "${theme.name}" is linked to rubric ${rubrics.map((r) => r.rubric.name).join(", ")}: it explains that rubric's labels.`);
    }
    await tx.theme.delete({ where: { id: themeId } });
    await recordEvent(tx, actor, theme, "DELETE", { name: theme.name, description: theme.description });
    return { id: theme.id, name: theme.name };
  });
}

/** Tags notes of the theme's project (idempotent); returns the notes newly tagged. */
export async function tagNotes(actor: Actor | null, themeId: number, noteIds: number[]): Promise<{ noteIds: number[] }> {
  authorize(actor, "manage-themes");
  const ids = parseInput(noteIdsSchema, noteIds);
  return prisma.$transaction(async (tx) => {
    const theme = await lockTheme(tx, themeId);
    const tagged = await insertTags(tx, actor, theme.id, await assertNotesOfProject(tx, theme.projectId, ids));
    if (tagged.length) {
      await recordEvent(tx, actor, theme, "TAG", { noteIds: tagged });
      await touchTheme(tx, theme.id);
    }
    return { noteIds: tagged };
  });
}

/** Removes the theme from notes (idempotent); returns the notes that had it. */
export async function untagNotes(actor: Actor | null, themeId: number, noteIds: number[]): Promise<{ noteIds: number[] }> {
  authorize(actor, "manage-themes");
  const ids = parseInput(noteIdsSchema, noteIds);
  return prisma.$transaction(async (tx) => {
    const theme = await lockTheme(tx, themeId);
    const untagged = await deleteTags(tx, theme.id, await assertNotesOfProject(tx, theme.projectId, ids));
    if (untagged.length) {
      await recordEvent(tx, actor, theme, "UNTAG", { noteIds: untagged });
      await touchTheme(tx, theme.id);
    }
    return { noteIds: untagged };
  });
}

/** The project's themes by name, with their counts (one query). */
export async function listThemes(actor: Actor | null, projectId: number): Promise<ThemeSummary[]> {
  authorize(actor, "read");
  return themeSummaries(projectId);
}

/** Just the names (pickers and filters on the notes page): no counts, one index scan. */
export async function listThemeRefs(actor: Actor | null, projectId: number): Promise<ThemeRef[]> {
  authorize(actor, "read");
  const themes = await prisma.theme.findMany({ where: { projectId }, select: { id: true, name: true } });
  return themes.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id - b.id);
}

export type ThemeDetail = ThemeSummary & { projectId: number; events: ThemeEventView[] };

/** One theme with its history, newest first. */
export async function getTheme(actor: Actor | null, themeId: number): Promise<ThemeDetail> {
  authorize(actor, "read");
  const theme = await prisma.theme.findUnique({ where: { id: themeId }, select: { projectId: true } });
  if (!theme) throw new NotFoundError(`Theme ${themeId} does not exist.`);
  const [summary] = await themeSummaries(theme.projectId, [themeId]);
  return { ...summary, projectId: theme.projectId, events: await themeEventsOf(themeId) };
}

/** A theme of the project by id (the traces filter's chip), or null. */
export async function findThemeRef(actor: Actor | null, projectId: number, themeId: number): Promise<ThemeRef | null> {
  authorize(actor, "read");
  return prisma.theme.findFirst({ where: { id: themeId, projectId }, select: { id: true, name: true } });
}
