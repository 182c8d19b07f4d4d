import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/setup/database";
import { note, notesWorld } from "@/tests/fixtures/notes-world";
import { createTheme, listThemes, tagNotes, untagNotes } from "./themes";

const db = useTestDatabase();

const tagsOf = async () =>
  (await db.noteTheme.findMany({ select: { annotationId: true, themeId: true }, orderBy: [{ themeId: "asc" }, { annotationId: "asc" }] }))
    .map((t) => [t.themeId, t.annotationId]);
const eventsOf = async (themeId: number) =>
  (await db.themeEvent.findMany({ where: { themeId }, orderBy: { id: "asc" }, select: { kind: true, details: true, actorId: true } }));

describe("themes: create, tag, untag", () => {
  it("creates a theme with notes in one go and writes CREATE and TAG events", async () => {
    const w = await notesWorld();
    const a = await note(w.reviewer, "TRACE", w.traces[0].traceId, "The refund was slow");
    const b = await note(w.reviewer, "SPAN", w.traces[1].spans[2].spanId, "Refund policy quoted wrong");
    const theme = await createTheme(w.lead, w.project.id, { name: "  Refunds ", description: "Refund trouble", noteIds: [b, a, a] });
    expect(theme.name).toBe("Refunds");
    expect(await tagsOf()).toEqual([[theme.id, a], [theme.id, b]]);
    expect(await eventsOf(theme.id)).toEqual([
      { kind: "CREATE", details: { name: "Refunds", description: "Refund trouble" }, actorId: w.lead.userId },
      { kind: "TAG", details: { noteIds: [a, b].sort((x, y) => x - y) }, actorId: w.lead.userId },
    ]);
  });

  it("tags idempotently and records only the notes it changed", async () => {
    const w = await notesWorld();
    const a = await note(w.reviewer, "TRACE", w.traces[0].traceId, "one");
    const b = await note(w.reviewer, "TRACE", w.traces[1].traceId, "two");
    const theme = await createTheme(w.lead, w.project.id, { name: "T", noteIds: [a] });
    expect(await tagNotes(w.lead, theme.id, [a, b])).toEqual({ noteIds: [b] });
    expect(await tagNotes(w.lead, theme.id, [a, b])).toEqual({ noteIds: [] });
    expect(await untagNotes(w.lead, theme.id, [a])).toEqual({ noteIds: [a] });
    expect(await untagNotes(w.lead, theme.id, [a])).toEqual({ noteIds: [] });
    expect(await tagsOf()).toEqual([[theme.id, b]]);
    expect((await eventsOf(theme.id)).map((e) => [e.kind, e.details])).toEqual([
      ["CREATE", { name: "T", description: "" }],
      ["TAG", { noteIds: [a] }],
      ["TAG", { noteIds: [b] }],
      ["UNTAG", { noteIds: [a] }],
    ]);
  });

  it("refuses a duplicate name, a bad name, and notes or themes of another project, changing nothing", async () => {
    const w = await notesWorld();
    const a = await note(w.reviewer, "TRACE", w.traces[0].traceId, "one");
    const foreign = await note(w.reviewer, "TRACE", w.otherTrace.traceId, "elsewhere");
    const theme = await createTheme(w.lead, w.project.id, { name: "Refunds" });
    await expect(createTheme(w.lead, w.project.id, { name: "Refunds " })).rejects.toThrow(ConflictError);
    await expect(createTheme(w.lead, w.project.id, { name: "Refunds" })).rejects.toMatchObject({ fieldErrors: { name: expect.any(Array) } });
    await expect(createTheme(w.lead, w.project.id, { name: "  " })).rejects.toThrow(ValidationError);
    await expect(createTheme(w.lead, w.project.id, { name: "x".repeat(121) })).rejects.toThrow(/name/);
    await expect(createTheme(w.lead, w.project.id, { name: "New", noteIds: [a, foreign, 99999] })).rejects.toThrow(
      new NotFoundError(`No note ${foreign}, 99999 in this project.`),
    );
    await expect(tagNotes(w.lead, theme.id, [a, foreign])).rejects.toThrow(NotFoundError);
    await expect(tagNotes(w.lead, 4242, [a])).rejects.toThrow(NotFoundError);
    // The same name in another project is fine.
    await createTheme(w.lead, w.other.id, { name: "Refunds" });
    expect(await db.theme.count()).toBe(2);
    expect(await tagsOf()).toEqual([]);
    expect(await db.themeEvent.count()).toBe(2);
  });

  it("lets a reviewer or viewer read but not create or tag", async () => {
    const w = await notesWorld();
    const a = await note(w.reviewer, "TRACE", w.traces[0].traceId, "one");
    const theme = await createTheme(w.lead, w.project.id, { name: "T" });
    await expect(createTheme(w.reviewer, w.project.id, { name: "Mine" })).rejects.toThrow(ForbiddenError);
    await expect(tagNotes(w.reviewer, theme.id, [a])).rejects.toThrow(ForbiddenError);
    await expect(untagNotes(w.viewer, theme.id, [a])).rejects.toThrow(ForbiddenError);
    expect((await listThemes(w.viewer, w.project.id)).map((t) => t.name)).toEqual(["T"]);
    expect(await db.theme.count()).toBe(1);
    expect(await tagsOf()).toEqual([]);
  });
});
