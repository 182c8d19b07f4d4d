import { describe, expect, it } from "vitest";
import { parseNoteFilters } from "./note-filters";
import { useTestDatabase } from "@/tests/setup/database";
import { note, notesWorld, writtenAt, worldStart } from "@/tests/fixtures/notes-world";
import { countNotes, listNoteAuthors, listNotes, loadNoteTexts } from "./list-notes";
import { createTheme } from "./themes";

useTestDatabase();

const at = (minutes: number) => new Date(worldStart.getTime() + minutes * 60_000);

describe("listNotes", () => {
  it("lists a project's span, trace and session notes newest first, with where each is and its themes", async () => {
    const w = await notesWorld();
    const [t0, t1] = w.traces;
    const span = await note(w.reviewer, "SPAN", t0.spans[2].spanId, "The answer quoted the wrong refund window");
    const trace = await note(w.reviewer2, "TRACE", t1.traceId, "Slow retrieval");
    const session = await note(w.reviewer, "SESSION", "s-1", "User gave up after two tries");
    await note(w.reviewer, "TRACE", w.otherTrace.traceId, "Another project");
    await writtenAt(span, at(1));
    await writtenAt(trace, at(2));
    await writtenAt(session, at(3));
    const theme = await createTheme(w.lead, w.project.id, { name: "Refunds", noteIds: [span] });

    const page = await listNotes(w.viewer, w.project.id, parseNoteFilters({}));
    expect(page.nextCursor).toBeNull();
    expect(page.rows.map((r) => r.id)).toEqual([session, trace, span]);
    expect(page.rows[2]).toMatchObject({
      text: "The answer quoted the wrong refund window", headline: null, targetType: "SPAN",
      author: { id: w.reviewer.userId, name: "Rita" }, traceId: t0.traceId, traceRootName: "support_turn",
      spanId: t0.spans[2].spanId, spanName: "generate_answer", spanKind: "LLM", sessionId: "s-1",
      themes: [{ id: theme.id, name: "Refunds" }], labels: [],
    });
    expect(page.rows[0]).toMatchObject({ targetType: "SESSION", traceId: null, spanId: null, sessionId: "s-1", themes: [] });
    expect(await countNotes(w.viewer, w.project.id, parseNoteFilters({}))).toEqual({ count: 3, capped: false });
    expect(await loadNoteTexts(w.viewer, w.project.id, parseNoteFilters({ untagged: "1" }), 10)).toEqual([
      { id: session, text: "User gave up after two tries" },
      { id: trace, text: "Slow retrieval" },
    ]);
    expect(await listNoteAuthors(w.viewer, w.project.id)).toEqual([
      { id: w.reviewer2.userId, name: "Ravi" },
      { id: w.reviewer.userId, name: "Rita" },
    ]);
  });
});
