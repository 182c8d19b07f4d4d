import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/setup/database";
import { note, notesWorld } from "@/tests/fixtures/notes-world";
import { createTheme, deleteTheme, getTheme, listThemeRefs, listThemes, tagNotes, untagNotes, updateTheme } from "./themes";

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

describe("themes: update, delete, read", () => {
  it("renames and re-describes, keeping before and after; a clash or an unchanged save writes nothing", async () => {
    const w = await notesWorld();
    const theme = await createTheme(w.lead, w.project.id, { name: "Refunds", description: "old" });
    await createTheme(w.lead, w.project.id, { name: "Tone" });
    expect(await updateTheme(w.admin, theme.id, { name: " Refund delays ", description: "**Slow** refunds" })).toEqual({ id: theme.id, name: "Refund delays" });
    await expect(updateTheme(w.lead, theme.id, { name: "Tone" })).rejects.toThrow(ConflictError);
    await updateTheme(w.lead, theme.id, { description: "**Slow** refunds" });
    expect(await db.theme.findUniqueOrThrow({ where: { id: theme.id }, select: { name: true, description: true } })).toEqual({ name: "Refund delays", description: "**Slow** refunds" });
    expect((await eventsOf(theme.id)).map((e) => [e.kind, e.details, e.actorId])).toEqual([
      ["CREATE", { name: "Refunds", description: "old" }, w.lead.userId],
      ["UPDATE", { before: { name: "Refunds", description: "old" }, after: { name: "Refund delays", description: "**Slow** refunds" } }, w.admin.userId],
    ]);
  });

  it("refuses to delete a theme that tags notes or explains a rubric, saying why; deletes an unused one and keeps its history", async () => {
    const w = await notesWorld();
    const a = await note(w.reviewer, "TRACE", w.traces[0].traceId, "one");
    const used = await createTheme(w.lead, w.project.id, { name: "Used", noteIds: [a] });
    await expect(deleteTheme(w.lead, used.id)).rejects.toThrow(new ConflictError(`Theme "Used" still tags 1 note: untag them or merge the theme into another first.`));
    const linked = await createTheme(w.lead, w.project.id, { name: "Linked" });
    const rubric = await db.rubric.create({ data: { name: "linked_rubric", type: "CATEGORICAL", values: [{ label: "present" }] } });
    await db.rubricTheme.create({ data: { rubricId: rubric.id, themeId: linked.id, label: "present" } });
    await expect(deleteTheme(w.lead, linked.id)).rejects.toThrow(/linked to rubric linked_rubric/);
    const unused = await createTheme(w.lead, w.project.id, { name: "Unused", description: "d" });
    expect(await deleteTheme(w.lead, unused.id)).toEqual({ id: unused.id, name: "Unused" });
    await expect(deleteTheme(w.lead, unused.id)).rejects.toThrow(NotFoundError);
    expect((await db.theme.findMany({ orderBy: { id: "asc" }, select: { name: true } })).map((t) => t.name)).toEqual(["Used", "Linked"]);
    expect((await eventsOf(unused.id)).map((e) => [e.kind, e.details])).toEqual([
      ["CREATE", { name: "Unused", description: "d" }],
      ["DELETE", { name: "Unused", description: "d" }],
    ]);
  });

  it("gives a theme with its history, newest first, with who did it", async () => {
    const w = await notesWorld();
    const a = await note(w.reviewer, "TRACE", w.traces[0].traceId, "one");
    const theme = await createTheme(w.lead, w.project.id, { name: "T" });
    await tagNotes(w.admin, theme.id, [a]);
    const detail = await getTheme(w.viewer, theme.id);
    expect(detail).toMatchObject({ id: theme.id, name: "T", projectId: w.project.id, noteCount: 1 });
    expect(detail.events.map((e) => [e.kind, e.actorName, e.details])).toEqual([
      ["TAG", "Admin", { noteIds: [a] }],
      ["CREATE", "Lead", { name: "T", description: "" }],
    ]);
    await expect(getTheme(w.viewer, 999)).rejects.toThrow(NotFoundError);
  });

  it("counts notes, distinct traces (a session note's session's traces too) and sessions, over the reviewed traces, in one list", async () => {
    const w = await notesWorld();
    const [t0, , , t3] = w.traces;
    const spanNote = await note(w.reviewer, "SPAN", t0.spans[1].spanId, "span of t0");
    const traceNote = await note(w.reviewer, "TRACE", t0.traceId, "t0");
    const sessionNote = await note(w.reviewer, "SESSION", "s-1", "session of t0 and t1");
    const t3Note = await note(w.reviewer, "TRACE", t3.traceId, "t3");
    const foreign = await note(w.reviewer, "TRACE", w.otherTrace.traceId, "elsewhere");
    const wide = await createTheme(w.lead, w.project.id, { name: "wide", description: "Everything", noteIds: [spanNote, traceNote, sessionNote] });
    const narrow = await createTheme(w.lead, w.project.id, { name: "Narrow", noteIds: [t3Note] });
    await createTheme(w.lead, w.project.id, { name: "empty" });
    await createTheme(w.lead, w.other.id, { name: "Elsewhere", noteIds: [foreign] });
    // Reviewed: t0 and t3 (notes), t1 (its session's note); t2 has only a machine label, which does not count.
    await db.annotation.create({ data: { projectId: w.project.id, targetType: "TRACE", targetId: w.traces[2].id, traceRowId: w.traces[2].id, name: "correctness", label: "correct", annotatorKind: "LLM", identifier: "llm" } });

    const list = await listThemes(w.reviewer, w.project.id);
    expect(list.map((t) => t.name)).toEqual(["empty", "Narrow", "wide"]);
    expect(await listThemeRefs(w.viewer, w.project.id)).toEqual(list.map((t) => ({ id: t.id, name: t.name })));
    expect(list[2]).toMatchObject({ id: wide.id, description: "Everything", noteCount: 3, traceCount: 2, sessionCount: 1, rubrics: [] });
    expect(list[2].reviewedTraceShare).toBeCloseTo(2 / 3);
    expect(list[1]).toMatchObject({ id: narrow.id, noteCount: 1, traceCount: 1, sessionCount: 0 });
    expect(list[1].reviewedTraceShare).toBeCloseTo(1 / 3);
    expect(list[0]).toMatchObject({ noteCount: 0, traceCount: 0, sessionCount: 0, reviewedTraceShare: 0 });

    // A human label on t2 makes it reviewed too.
    await db.annotation.create({ data: { projectId: w.project.id, targetType: "TRACE", targetId: w.traces[2].id, traceRowId: w.traces[2].id, name: "correctness", label: "correct", userId: w.reviewer.userId, identifier: "px-app:r" } });
    expect((await listThemes(w.reviewer, w.project.id))[2].reviewedTraceShare).toBeCloseTo(2 / 4);
  });
});
