import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { useTestDatabase } from "@/tests/setup/database";
import { note, notesWorld, writtenAt, worldStart } from "@/tests/fixtures/notes-world";
import { countNotes, listNoteAuthors, listNotes, loadNoteTexts } from "./list-notes";
import { parseNoteFilters } from "./note-filters";
import { createTheme } from "./themes";

const db = useTestDatabase();

const at = (minutes: number) => new Date(worldStart.getTime() + minutes * 60_000);
type World = Awaited<ReturnType<typeof notesWorld>>;

async function ids(w: World, raw: Record<string, string>, actor: Actor = w.lead) {
  return (await listNotes(actor, w.project.id, parseNoteFilters(raw))).rows.map((r) => r.id);
}

async function readAllPages(w: World, raw: Record<string, string>) {
  const seen: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listNotes(w.lead, w.project.id, parseNoteFilters({ ...raw, ...(cursor ? { cursor } : {}), limit: "4" }));
    seen.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return seen;
}

// A label (not a note) on a trace or session, written as `actor`.
async function giveLabel(w: World, actor: Actor, target: { trace?: number; session?: number }, name: string, label: string) {
  const trace = target.trace !== undefined ? w.traces[target.trace] : null;
  return db.annotation.create({
    data: {
      projectId: w.project.id, targetType: trace ? "TRACE" : "SESSION", targetId: trace ? trace.id : w.session.id,
      traceRowId: trace?.id ?? null, sessionRowId: trace ? null : w.session.id, name, label, score: null,
      userId: actor.userId, identifier: `px-app:${actor.userId}`,
    },
  });
}

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
    expect(page.rows[2]).toEqual({
      id: span, text: "The answer quoted the wrong refund window", headline: null, targetType: "SPAN",
      author: { id: w.reviewer.userId, name: "Rita" }, createdAt: at(1), traceId: t0.traceId, traceRootName: "support_turn",
      spanId: t0.spans[2].spanId, spanName: "generate_answer", spanKind: "LLM", sessionId: "s-1",
      themes: [{ id: theme.id, name: "Refunds" }], labels: [],
    });
    expect(page.rows[0]).toMatchObject({ targetType: "SESSION", traceId: null, spanId: null, sessionId: "s-1", themes: [] });
    expect(await countNotes(w.viewer, w.project.id, parseNoteFilters({}))).toEqual({ count: 3, capped: false });
    expect(await loadNoteTexts(w.viewer, w.project.id, parseNoteFilters({ untagged: "1" }), 10)).toEqual([
      { id: session, text: "User gave up after two tries" },
      { id: trace, text: "Slow retrieval" },
    ]);
    expect(await loadNoteTexts(w.viewer, w.project.id, parseNoteFilters({}), 1)).toEqual([{ id: session, text: "User gave up after two tries" }]);
    expect(await listNoteAuthors(w.viewer, w.project.id)).toEqual([
      { id: w.reviewer2.userId, name: "Ravi" },
      { id: w.reviewer.userId, name: "Rita" },
    ]);
  });

  it("counts notes written over the Phoenix API (annotations named note) like the app's", async () => {
    const w = await notesWorld();
    const api = await db.annotation.create({
      data: { projectId: w.project.id, targetType: "TRACE", targetId: w.traces[0].id, traceRowId: w.traces[0].id, name: "note", explanation: "refund mentioned by a script", annotatorKind: "CODE", identifier: "script-1", source: "API" },
    });
    expect(await ids(w, { q: "refund" })).toEqual([api.id]);
    expect((await listNotes(w.lead, w.project.id, parseNoteFilters({}))).rows[0].author).toEqual({ id: null, name: null });
  });

  it("ranks a search: the words twice or close together above once or far apart; websearch syntax; headlines mark matches", async () => {
    const w = await notesWorld();
    const trace = w.traces[0].traceId;
    const once = await note(w.reviewer, "TRACE", trace, "A refund came up in passing while we discussed the weather and other topics");
    const twice = await note(w.reviewer, "TRACE", trace, "Refund asked, refund refused by the agent");
    const near = await note(w.reviewer, "TRACE", trace, "The refund delay annoyed the customer");
    const far = await note(w.reviewer, "TRACE", trace, "Refund granted; then the shipping of the replacement part suffered a long delay");
    const unrelated = await note(w.reviewer, "TRACE", trace, "Password reset works fine");

    const single = await ids(w, { q: "refund" });
    expect(single).toHaveLength(4);
    expect(single.indexOf(twice)).toBeLessThan(single.indexOf(once));
    expect(single).not.toContain(unrelated);
    expect(await ids(w, { q: "refund delay" })).toEqual([near, far]);
    expect(await ids(w, { q: '"refund delay"' })).toEqual([near]);
    expect((await ids(w, { q: "refund -delay" })).sort()).toEqual([once, twice].sort());
    expect(await ids(w, { q: "refunds OR password" })).toHaveLength(5);
    expect(await ids(w, { q: "the" })).toEqual([]);

    const [hit] = (await listNotes(w.lead, w.project.id, parseNoteFilters({ q: '"refund delay"' }))).rows;
    // Fragments start at the match (MaxFragments=2).
    expect(hit.headline).toBe("«refund» «delay» annoyed the customer");
    const stemmed = (await listNotes(w.lead, w.project.id, parseNoteFilters({ q: "refunds" }))).rows.find((r) => r.id === twice)!;
    expect(stemmed.headline).toContain("«Refund» asked, «refund» refused");
    expect(await countNotes(w.lead, w.project.id, parseNoteFilters({ q: "refund" }))).toEqual({ count: 4, capped: false });
  });

  it("pages through every note once, newest first, and through a search's ties by id", async () => {
    const w = await notesWorld();
    const written: number[] = [];
    for (let i = 0; i < 18; i++) {
      const id = await note(w.reviewer, "TRACE", w.traces[i % 4].traceId, `Same words about latency ${i % 2 ? "spike" : "budget"}`);
      // Pairs share a creation time: the id breaks the tie.
      await writtenAt(id, at(Math.floor(i / 2)));
      written.push(id);
    }
    const newestFirst = [...written].sort((a, b) => Math.floor((written.indexOf(b)) / 2) - Math.floor(written.indexOf(a) / 2) || b - a);
    expect(await readAllPages(w, {})).toEqual(newestFirst);
    const searched = await readAllPages(w, { q: "latency" });
    expect(searched).toHaveLength(18);
    expect(new Set(searched).size).toBe(18);
    expect(searched).toEqual([...written].sort((a, b) => b - a));
    const spikes = await readAllPages(w, { q: "latency spike" });
    expect(spikes.sort()).toEqual(written.filter((_, i) => i % 2).sort());
  });

  it("pages a search across ranks, with ties at the page boundaries", async () => {
    const w = await notesWorld();
    const written: number[] = [];
    // Groups of three with the same rank: page boundaries fall inside ties.
    for (let i = 0; i < 15; i++) {
      written.push(await note(w.reviewer, "TRACE", w.traces[0].traceId, `${"delay ".repeat(Math.floor(i / 3) + 1)}and some filler words to read`));
    }
    expect(await readAllPages(w, { q: "delay" })).toEqual([...written].reverse());
  });

  it("filters by author, target kind, span kind, time, theme and untagged", async () => {
    const w = await notesWorld();
    const [t0, t1] = w.traces;
    const llm = await note(w.reviewer, "SPAN", t0.spans.find((s) => s.spanKind === "LLM")!.spanId, "llm span");
    const retriever = await note(w.reviewer2, "SPAN", t0.spans.find((s) => s.spanKind === "RETRIEVER")!.spanId, "retriever span");
    const trace = await note(w.reviewer2, "TRACE", t1.traceId, "trace");
    const session = await note(w.reviewer, "SESSION", "s-1", "session");
    const now = Date.now();
    await writtenAt(llm, new Date(now - 10 * 60_000));
    await writtenAt(retriever, new Date(now - 2 * 3600_000));
    await writtenAt(trace, new Date("2026-11-10T12:00:00Z"));
    await writtenAt(session, new Date("2026-11-12T08:00:00Z"));
    const theme = await createTheme(w.lead, w.project.id, { name: "T", noteIds: [llm, trace] });
    const sorted = async (raw: Record<string, string>) => (await ids(w, raw)).sort((a, b) => a - b);

    expect(await sorted({ reviewer: w.reviewer2.userId! })).toEqual([retriever, trace]);
    expect(await sorted({ target: "SPAN" })).toEqual([llm, retriever]);
    expect(await sorted({ target: "SESSION" })).toEqual([session]);
    expect(await sorted({ spanKind: "RETRIEVER" })).toEqual([retriever]);
    expect(await sorted({ spanKind: "CHAIN" })).toEqual([]);
    expect(await sorted({ range: "1h" })).toEqual([llm]);
    expect(await sorted({ range: "24h" })).toEqual([llm, retriever]);
    expect(await sorted({ from: "2026-11-10", to: "2026-11-11" })).toEqual([trace]);
    expect(await sorted({ to: "2026-11-12" })).toEqual([trace, session]);
    expect(await sorted({ theme: String(theme.id) })).toEqual([llm, trace]);
    expect(await sorted({ untagged: "1" })).toEqual([retriever, session]);
    expect(await sorted({ theme: String(theme.id), reviewer: w.reviewer.userId!, target: "SPAN" })).toEqual([llm]);
    expect(await countNotes(w.lead, w.project.id, parseNoteFilters({ untagged: "1" }))).toEqual({ count: 2, capped: false });
  });

  it("filters by a rubric label on the note's trace (or session), and shows the target's labels, as blind review allows", async () => {
    const w = await notesWorld();
    const [t0, t1] = w.traces;
    const spanNote = await note(w.reviewer, "SPAN", t0.spans[1].spanId, "on a span of t0");
    const traceNote = await note(w.reviewer, "TRACE", t0.traceId, "on t0");
    const otherTrace = await note(w.reviewer, "TRACE", t1.traceId, "on t1");
    const sessionNote = await note(w.reviewer, "SESSION", "s-1", "on the session");
    await giveLabel(w, w.reviewer2, { trace: 0 }, "correctness", "incorrect");
    await giveLabel(w, w.reviewer2, { session: 0 }, "user_satisfaction", "unhappy");
    const sorted = async (raw: Record<string, string>, actor?: Actor) => (await ids(w, raw, actor)).sort((a, b) => a - b);

    expect(await sorted({ rubric: "correctness", label: "incorrect" })).toEqual([spanNote, traceNote]);
    expect(await sorted({ rubric: "correctness", label: "correct" })).toEqual([]);
    expect(await sorted({ rubric: "user_satisfaction", label: "unhappy" })).toEqual([sessionNote]);
    expect(await sorted({ rubric: "correctness" })).toEqual([spanNote, traceNote]);
    expect(otherTrace).toBeGreaterThan(0);

    const row = (await listNotes(w.reviewer, w.project.id, parseNoteFilters({}))).rows.find((r) => r.id === traceNote)!;
    expect(row.labels).toEqual([{ name: "correctness", label: "incorrect", score: null, userName: "Ravi" }]);
    // The span note's target (the span) has no label of its own.
    expect((await listNotes(w.reviewer, w.project.id, parseNoteFilters({}))).rows.find((r) => r.id === spanNote)!.labels).toEqual([]);

    // Blind review: Rita has given no correctness label on t0, so she neither sees Ravi's nor filters by it.
    await db.project.update({ where: { id: w.project.id }, data: { blindReview: true } });
    expect(await sorted({ rubric: "correctness", label: "incorrect" }, w.reviewer)).toEqual([]);
    expect((await listNotes(w.reviewer, w.project.id, parseNoteFilters({}))).rows.find((r) => r.id === traceNote)!.labels).toEqual([]);
    expect(await sorted({ rubric: "correctness", label: "incorrect" }, w.lead)).toEqual([spanNote, traceNote]);
    await giveLabel(w, w.reviewer, { trace: 0 }, "correctness", "correct");
    expect(await sorted({ rubric: "correctness", label: "incorrect" }, w.reviewer)).toEqual([spanNote, traceNote]);
    const labels = (await listNotes(w.reviewer, w.project.id, parseNoteFilters({}))).rows.find((r) => r.id === traceNote)!.labels;
    expect(labels.map((l) => [l.label, l.userName]).sort()).toEqual([["correct", "Rita"], ["incorrect", "Ravi"]]);
  });

  it("needs a signed-in reader and an existing project", async () => {
    const w = await notesWorld();
    await expect(listNotes(null, w.project.id, parseNoteFilters({}))).rejects.toThrow("Authentication required");
    await expect(listNotes(w.viewer, 999, parseNoteFilters({}))).rejects.toThrow("Project 999 does not exist.");
    await expect(countNotes(null, w.project.id, parseNoteFilters({}))).rejects.toThrow("Authentication required");
    await expect(listNoteAuthors(null, w.project.id)).rejects.toThrow("Authentication required");
  });
});
