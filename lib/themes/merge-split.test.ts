import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError, ConflictError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/setup/database";
import { note, notesWorld } from "@/tests/fixtures/notes-world";
import { mergeThemes, splitTheme } from "./merge-split";
import { createTheme, tagNotes } from "./themes";

const db = useTestDatabase();

const noteThemes = async () =>
  (await db.noteTheme.findMany({ select: { annotationId: true, themeId: true, taggedById: true }, orderBy: [{ annotationId: "asc" }, { themeId: "asc" }] }));
const events = async (themeId: number) =>
  (await db.themeEvent.findMany({ where: { themeId }, orderBy: { id: "asc" }, select: { kind: true, details: true, actorId: true } }));

async function fiveNotes() {
  const w = await notesWorld();
  const n: number[] = [];
  for (let i = 0; i < 5; i++) n.push(await note(w.reviewer, "TRACE", w.traces[i % 4].traceId, `note ${i}`));
  return { w, n };
}

describe("mergeThemes", () => {
  it("gives every note of `from` the theme `into` (one tag for notes with both), deletes `from`, keeps other themes' tags, and records MERGE on both", async () => {
    const { w, n } = await fiveNotes();
    const from = await createTheme(w.lead, w.project.id, { name: "Refund delays", description: "slow", noteIds: [n[0], n[1], n[2]] });
    const into = await createTheme(w.admin, w.project.id, { name: "Refunds", noteIds: [n[2], n[3]] });
    const bystander = await createTheme(w.lead, w.project.id, { name: "Tone", noteIds: [n[0], n[4]] });

    expect(await mergeThemes(w.lead, from.id, into.id)).toEqual({ id: into.id, name: "Refunds" });
    // Moved tags keep who tagged them; n[2] keeps its one `into` tag (by the admin).
    expect(await noteThemes()).toEqual([
      { annotationId: n[0], themeId: into.id, taggedById: w.lead.userId },
      { annotationId: n[0], themeId: bystander.id, taggedById: w.lead.userId },
      { annotationId: n[1], themeId: into.id, taggedById: w.lead.userId },
      { annotationId: n[2], themeId: into.id, taggedById: w.admin.userId },
      { annotationId: n[3], themeId: into.id, taggedById: w.admin.userId },
      { annotationId: n[4], themeId: bystander.id, taggedById: w.lead.userId },
    ]);
    expect(await db.theme.findUnique({ where: { id: from.id } })).toBeNull();
    expect((await events(from.id)).at(-1)).toEqual({
      kind: "MERGE", actorId: w.lead.userId,
      details: { mergedIntoId: into.id, mergedIntoName: "Refunds", noteIds: [n[0], n[1], n[2]], name: "Refund delays", description: "slow" },
    });
    expect((await events(into.id)).map((e) => [e.kind, e.details])).toEqual([
      ["CREATE", { name: "Refunds", description: "" }],
      ["TAG", { noteIds: [n[2], n[3]] }],
      ["MERGE", { mergedFromId: from.id, mergedFromName: "Refund delays", noteIds: [n[0], n[1], n[2]], addedNoteIds: [n[0], n[1]], rubricIds: [] }],
    ]);
    expect((await events(bystander.id)).map((e) => e.kind)).toEqual(["CREATE", "TAG"]);
  });

  it("moves a rubric link of the merged theme to the theme it went into", async () => {
    const { w, n } = await fiveNotes();
    const from = await createTheme(w.lead, w.project.id, { name: "A", noteIds: [n[0]] });
    const into = await createTheme(w.lead, w.project.id, { name: "B" });
    const rubric = await db.rubric.create({ data: { name: "a_rubric", type: "CATEGORICAL", values: [{ label: "A" }] } });
    await db.rubricTheme.create({ data: { rubricId: rubric.id, themeId: from.id, label: "A" } });
    await mergeThemes(w.lead, from.id, into.id);
    expect(await db.rubricTheme.findMany({ select: { rubricId: true, themeId: true, label: true } })).toEqual([{ rubricId: rubric.id, themeId: into.id, label: "A" }]);
  });

  it("refuses itself, a missing theme and a theme of another project, changing nothing", async () => {
    const { w, n } = await fiveNotes();
    const a = await createTheme(w.lead, w.project.id, { name: "A", noteIds: [n[0]] });
    const foreign = await createTheme(w.lead, w.other.id, { name: "B" });
    const before = [await noteThemes(), await db.themeEvent.count(), await db.theme.count()];
    await expect(mergeThemes(w.lead, a.id, a.id)).rejects.toThrow(ValidationError);
    await expect(mergeThemes(w.lead, a.id, 999)).rejects.toThrow(new NotFoundError("No theme 999 in this project."));
    await expect(mergeThemes(w.lead, a.id, foreign.id)).rejects.toThrow(new NotFoundError(`No theme ${foreign.id} in this project.`));
    await expect(mergeThemes(w.lead, 999, a.id)).rejects.toThrow(NotFoundError);
    expect([await noteThemes(), await db.themeEvent.count(), await db.theme.count()]).toEqual(before);
  });
});

describe("splitTheme", () => {
  it("moves the selected notes out into a new theme, keeping their other tags, with SPLIT on both and CREATE on the new one", async () => {
    const { w, n } = await fiveNotes();
    const source = await createTheme(w.lead, w.project.id, { name: "Refunds", noteIds: [n[0], n[1], n[2], n[3]] });
    const other = await createTheme(w.lead, w.project.id, { name: "Tone", noteIds: [n[1]] });
    const created = await splitTheme(w.admin, source.id, [n[3], n[1], n[1]], { name: " Refund delays ", description: "slow ones" });
    expect(created.name).toBe("Refund delays");
    expect((await noteThemes()).map((t) => [t.annotationId, t.themeId, t.taggedById])).toEqual([
      [n[0], source.id, w.lead.userId],
      [n[1], other.id, w.lead.userId],
      [n[1], created.id, w.lead.userId],
      [n[2], source.id, w.lead.userId],
      [n[3], created.id, w.lead.userId],
    ]);
    expect(await db.theme.findUniqueOrThrow({ where: { id: created.id }, select: { description: true, projectId: true, createdById: true } }))
      .toEqual({ description: "slow ones", projectId: w.project.id, createdById: w.admin.userId });
    expect((await events(created.id)).map((e) => [e.kind, e.details, e.actorId])).toEqual([
      ["CREATE", { name: "Refund delays", description: "slow ones", splitFromId: source.id }, w.admin.userId],
      ["SPLIT", { splitFromId: source.id, splitFromName: "Refunds", noteIds: [n[1], n[3]] }, w.admin.userId],
    ]);
    expect((await events(source.id)).at(-1)).toEqual({ kind: "SPLIT", actorId: w.admin.userId, details: { splitIntoId: created.id, splitIntoName: "Refund delays", noteIds: [n[1], n[3]] } });
  });

  it("refuses notes outside the theme, foreign notes, no notes and a taken name, changing nothing", async () => {
    const { w, n } = await fiveNotes();
    const source = await createTheme(w.lead, w.project.id, { name: "Refunds", noteIds: [n[0], n[1]] });
    await createTheme(w.lead, w.project.id, { name: "Tone", noteIds: [n[2]] });
    const foreign = await note(w.reviewer, "TRACE", w.otherTrace.traceId, "elsewhere");
    const before = [await noteThemes(), await db.themeEvent.count(), await db.theme.count()];
    await expect(splitTheme(w.lead, source.id, [n[0], n[2]], { name: "New" })).rejects.toMatchObject({
      name: "ValidationError", message: `Note ${n[2]} is not tagged with theme "Refunds".`, fieldErrors: { noteIds: ["must be notes of the theme"] },
    });
    await expect(splitTheme(w.lead, source.id, [n[0], foreign], { name: "New" })).rejects.toThrow(new NotFoundError(`No note ${foreign} in this project.`));
    await expect(splitTheme(w.lead, source.id, [], { name: "New" })).rejects.toThrow(ValidationError);
    await expect(splitTheme(w.lead, source.id, [n[0]], { name: "Tone" })).rejects.toThrow(ConflictError);
    await expect(splitTheme(w.lead, 999, [n[0]], { name: "New" })).rejects.toThrow(NotFoundError);
    expect([await noteThemes(), await db.themeEvent.count(), await db.theme.count()]).toEqual(before);
    // Tagging again after a split works on both themes.
    const created = await splitTheme(w.lead, source.id, [n[0]], { name: "New" });
    expect(await tagNotes(w.lead, source.id, [n[0]])).toEqual({ noteIds: [n[0]] });
    expect(await db.noteTheme.count({ where: { annotationId: n[0] } })).toBe(2);
    expect(created.name).toBe("New");
  });
});
