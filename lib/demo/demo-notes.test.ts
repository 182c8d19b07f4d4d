import { describe, expect, it } from "vitest";
import { resetDatabase, useTestDatabase } from "@/tests/setup/database";
import { digestBatch } from "./demo-note-digest";
import { DEMO_NOTE_QUOTAS, NOTE_FREE, planDemoNotes, type PlannedNote } from "./demo-note-plan";
import { generateDemoTraces } from "./generate-demo-traces";
import { seedDemoData } from "./seed-demo-data";

const db = useTestDatabase({ reset: "manual" });
const digests = [...generateDemoTraces()].flatMap(digestBatch);
const plan = () => planDemoNotes(digests, { seed: 1, projectName: "support-bot" });
const tally = (notes: PlannedNote[], key: (note: PlannedNote) => string) =>
  notes.reduce<Record<string, number>>((counts, note) => ({ ...counts, [key(note)]: (counts[key(note)] ?? 0) + 1 }), {});

describe("demo notes", () => {
  const notes = plan();
  const trace = new Map(digests.map((d) => [d.traceId, d]));

  it("are the same on every run: ids, texts, targets and times", () => {
    expect(JSON.stringify(plan())).toBe(JSON.stringify(notes));
    expect(planDemoNotes(digests, { seed: 2, projectName: "support-bot" })[0].identifier).not.toBe(notes[0].identifier);
    expect(new Set(notes.map((note) => note.identifier)).size).toBe(notes.length);
    for (const note of notes) expect(note.identifier).toMatch(/^px-(span|trace|session)-note:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("number 300, by mode as designed, mostly by the two reviewers and a few by the lead", () => {
    expect(notes).toHaveLength(300);
    const byMode: Record<string, number> = {};
    for (const [mode, , quota] of DEMO_NOTE_QUOTAS) byMode[mode] = (byMode[mode] ?? 0) + quota;
    expect(tally(notes, (note) => note.mode)).toEqual(byMode);
    const authors = tally(notes, (note) => note.author);
    expect(Object.keys(authors).sort()).toEqual(["lead@example.com", "reviewer2@example.com", "reviewer@example.com"]);
    expect(authors["reviewer@example.com"]).toBeGreaterThan(authors["reviewer2@example.com"]);
    expect(authors["reviewer2@example.com"]).toBeGreaterThan(90);
    expect(authors["lead@example.com"]).toBeGreaterThanOrEqual(10);
    expect(authors["lead@example.com"]).toBeLessThanOrEqual(35);
  });

  it("sit where each failure shows: the LLM span, the tool span, the retriever, the session", () => {
    const where = (mode: string) => tally(notes.filter((note) => note.mode === mode), (note) => note.target.spanKind ?? note.target.type);
    expect(where("hallucinated_policy")).toEqual({ LLM: expect.any(Number), TRACE: expect.any(Number) });
    expect(where("wrong_tool").TOOL).toBeGreaterThanOrEqual(10);
    expect(where("ignored_document").RETRIEVER).toBeGreaterThanOrEqual(10);
    expect(where("ignored_document").LLM).toBeGreaterThanOrEqual(20);
    expect(where("repeated_question")).toEqual({ SESSION: 20 });
    for (const note of notes.filter((note) => note.target.spanKind === "TOOL")) {
      expect(note.text).toMatch(/lookup_order|check_service_status|create_ticket|tool|ticket|service|finance/i);
    }
  });

  it("are worded many ways, quote the trace they are on, and leave no placeholder or page structure", () => {
    expect(new Set(notes.map((note) => note.text)).size).toBeGreaterThanOrEqual(180);
    for (const mode of ["hallucinated_policy", "ignored_document", "wrong_tool", "tone"]) {
      expect(new Set(notes.filter((note) => note.mode === mode).map((note) => note.text)).size).toBeGreaterThanOrEqual(20);
    }
    for (const note of notes) {
      expect(note.text).not.toMatch(/\{\w+\}/);
      // Headings, lists and links would become landmarks the e2e specs look for; "saved" is a rubric card's status.
      expect(note.text).not.toMatch(/^\s*(#|[-*+] |\d+\. )|\]\(|saved/im);
    }
    const policy = notes.filter((note) => note.mode === "hallucinated_policy" && !/^\+1|^Agree|^Confirmed|^Seen|^Yes|^Escalating/.test(note.text));
    expect(policy.length).toBeGreaterThan(40);
    const orders = notes.filter((note) => trace.get(note.traceId)?.order && note.text.includes(trace.get(note.traceId)!.order!));
    const titles = notes.filter((note) => /'[A-Z][^']+'/.test(note.text));
    expect(orders.length + titles.length).toBeGreaterThan(50);
  });

  it("come after the trace they are on, and stay off traces the e2e specs need without notes", () => {
    for (const note of notes) expect(note.createdAt.getTime()).toBeGreaterThan(trace.get(note.traceId)!.endMs);
    const noted = new Set(notes.filter((note) => note.target.type !== "SESSION").map((note) => note.traceId));
    const text = (id: string) => `${trace.get(id)!.question}\n${trace.get(id)!.answer}`;
    expect([...noted].filter((id) => NOTE_FREE.test(text(id)))).toEqual([]);
    expect(noted.size).toBeGreaterThan(100);
    expect(digests.filter((d) => /webhook/i.test(text(d.traceId)) && !noted.has(d.traceId)).length).toBeGreaterThanOrEqual(3);
    // Threads: some targets have a second reviewer's reply.
    expect(Object.values(tally(notes, (note) => `${note.target.type}:${note.target.id}`)).filter((count) => count > 1).length).toBeGreaterThan(20);
  });

  it("seed into the demo project once, as the app writes notes, searchable, however often the seed runs", async () => {
    await resetDatabase();
    const first = await seedDemoData(db);
    expect(first.notes).toBe(300);
    const again = await seedDemoData(db);
    expect(again.notes).toBe(0);
    const rows = await db.$queryRaw<{ email: string; target: string; n: number; searchable: number; app: number; linked: number }[]>`
      SELECT u.email, a.target_type::text AS target, count(*)::int AS n,
        count(*) FILTER (WHERE a.search_vector IS NOT NULL)::int AS searchable,
        count(*) FILTER (WHERE a.source = 'APP' AND a.annotator_kind = 'HUMAN' AND a.document_position = -1)::int AS app,
        count(*) FILTER (WHERE CASE a.target_type WHEN 'SPAN' THEN a.span_row_id = a.target_id AND a.trace_row_id IS NOT NULL
          WHEN 'TRACE' THEN a.trace_row_id = a.target_id ELSE a.session_row_id = a.target_id AND a.trace_row_id IS NULL END)::int AS linked
      FROM annotations a JOIN users u ON u.id = a.user_id WHERE a.name = 'note' GROUP BY 1, 2 ORDER BY 1, 2`;
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    expect(total).toBe(300);
    for (const row of rows) expect([row.searchable, row.app, row.linked]).toEqual([row.n, row.n, row.n]);
    const expected = tally(notes, (note) => `${note.author} ${note.target.type}`);
    expect(Object.fromEntries(rows.map((row) => [`${row.email} ${row.target}`, row.n]))).toEqual(expected);
    const [hit] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM annotations WHERE name = 'note' AND search_vector @@ websearch_to_tsquery('english', 'hallucinated')`;
    expect(hit.n).toBeGreaterThan(5);
  }, 120_000);
});
