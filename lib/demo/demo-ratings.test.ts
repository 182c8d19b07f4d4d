import { describe, expect, it } from "vitest";
import { resetDatabase, useTestDatabase } from "@/tests/setup/database";
import { digestBatch } from "./demo-note-digest";
import { planDemoNotes } from "./demo-note-plan";
import { DEMO_JUDGE, planDemoRatings, SESSION_RATING_FREE, TRACE_RATING_FREE, type PlannedRating } from "./demo-ratings-plan";
import { generateDemoTraces } from "./generate-demo-traces";
import { seedDemoData } from "./seed-demo-data";

const db = useTestDatabase({ reset: "manual" });
const digests = [...generateDemoTraces()].flatMap(digestBatch);
const notes = planDemoNotes(digests, { seed: 1, projectName: "support-bot" });
const plan = (seed = 1) => planDemoRatings(digests, notes, { seed, projectName: "support-bot" });
const HUMANS = ["lead@example.com", "reviewer2@example.com", "reviewer@example.com"];
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const isJudge = (rating: PlannedRating) => rating.rater === DEMO_JUDGE;

/** Krippendorff's alpha, interval metric, over raters' scores per item (missing values allowed). */
function intervalAlpha(items: number[][]): number {
  const pairable = items.filter((values) => values.length >= 2);
  const all = pairable.flat();
  let observed = 0;
  for (const values of pairable) {
    let sum = 0;
    for (const a of values) for (const b of values) sum += (a - b) ** 2;
    observed += sum / (values.length - 1);
  }
  let expected = 0;
  for (const a of all) for (const b of all) expected += (a - b) ** 2;
  return 1 - ((all.length - 1) * observed) / expected;
}

describe("demo ratings", () => {
  const ratings = plan();
  const sessionTurns = new Map<string, typeof digests>();
  for (const d of digests) sessionTurns.set(d.sessionId, [...(sessionTurns.get(d.sessionId) ?? []), d]);
  const satisfaction = ratings.filter((r) => r.name === "user_satisfaction");
  const bySession = new Map<string, PlannedRating[]>();
  for (const r of satisfaction) bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r]);

  it("are the same on every run, and another seed gives others", () => {
    expect(JSON.stringify(plan())).toBe(JSON.stringify(ratings));
    expect(JSON.stringify(plan(2))).not.toBe(JSON.stringify(ratings));
    const keys = ratings.map((r) => `${r.target.type}:${r.target.id}:${r.name}:${r.rater}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("rate most conversations by three people and every open one by the LLM judge, overlapping", () => {
    const open = [...sessionTurns.entries()].filter(([, turns]) => !turns.some((d) => SESSION_RATING_FREE.test(`${d.question}\n${d.answer}`)));
    expect(open.length).toBeGreaterThan(50);
    expect(new Set(satisfaction.filter(isJudge).map((r) => r.sessionId))).toEqual(new Set(open.map(([id]) => id)));
    for (const human of HUMANS) {
      const rated = new Set(satisfaction.filter((r) => r.rater === human).map((r) => r.sessionId)).size;
      expect(rated, human).toBeGreaterThanOrEqual(open.length * 0.35);
    }
    const byHumans = [...bySession.values()].map((list) => list.filter((r) => !isJudge(r)).length);
    expect(byHumans.filter((n) => n >= 1).length).toBeGreaterThanOrEqual(open.length * 0.8);
    expect(byHumans.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(30);
    expect(byHumans.filter((n) => n === 3).length).toBeGreaterThanOrEqual(8);
    for (const r of satisfaction) expect([1, 2, 3, 4, 5]).toContain(r.score);
  });

  it("score failed conversations lower; the judge is more generous than people; people agree only fairly well", () => {
    const failed = (sessionId: string) => sessionTurns.get(sessionId)!.some((d) => d.failedKind);
    const humanScores = (pick: (id: string) => boolean) => satisfaction.filter((r) => !isJudge(r) && pick(r.sessionId)).map((r) => r.score!);
    expect(humanScores(failed).length).toBeGreaterThan(5);
    expect(mean(humanScores(failed))).toBeLessThan(mean(humanScores((id) => !failed(id))) - 0.5);

    for (const name of ["user_satisfaction", "helpfulness", "correctness"]) {
      const human = mean(ratings.filter((r) => r.name === name && !isJudge(r)).map((r) => r.score!));
      const judge = mean(ratings.filter((r) => r.name === name && isJudge(r)).map((r) => r.score!));
      expect(judge, name).toBeGreaterThan(human);
    }

    const humanItems = [...bySession.values()].map((list) => list.filter((r) => !isJudge(r)).map((r) => r.score!));
    expect(humanItems.some((values) => new Set(values).size > 1)).toBe(true);
    const alpha = intervalAlpha(humanItems);
    expect(alpha).toBeGreaterThan(0.5);
    expect(alpha).toBeLessThan(0.9);
    // Correctness: the two reviewers disagree on some shared traces, agree on most.
    const labels = new Map<string, Map<string, string>>();
    for (const r of ratings.filter((r) => r.name === "correctness")) labels.set(r.target.id, (labels.get(r.target.id) ?? new Map()).set(r.rater, r.label!));
    const shared = [...labels.values()].filter((by) => by.has("reviewer@example.com") && by.has("reviewer2@example.com"));
    const agreeing = shared.filter((by) => by.get("reviewer@example.com") === by.get("reviewer2@example.com")).length;
    expect(shared.length).toBeGreaterThanOrEqual(25);
    expect(agreeing / shared.length).toBeGreaterThan(0.6);
    expect(agreeing).toBeLessThan(shared.length);
  });

  it("label and score a good share of turns and some answers, within each rubric's values", () => {
    const traces = (name: string, rater: string) => new Set(ratings.filter((r) => r.name === name && r.rater === rater).map((r) => r.traceId));
    for (const rater of ["reviewer@example.com", "reviewer2@example.com", DEMO_JUDGE]) {
      expect(traces("correctness", rater).size, rater).toBeGreaterThanOrEqual(50);
      expect(traces("helpfulness", rater).size, rater).toBeGreaterThanOrEqual(40);
      expect(traces("faithfulness", rater).size, rater).toBeGreaterThanOrEqual(10);
    }
    expect(traces("correctness", "lead@example.com").size).toBe(0);
    const scores = { correct: 1, partially_correct: 0.5, incorrect: 0, faithful: 1, unfaithful: 0 } as Record<string, number>;
    for (const r of ratings) {
      if (r.name === "correctness" || r.name === "faithfulness") expect(scores[r.label!]).toBe(r.score);
      if (r.name === "helpfulness") expect(Number.isInteger(r.score) && r.score! >= 0 && r.score! <= 10).toBe(true);
    }
    const llmSpans = new Set(digests.map((d) => d.llmSpanId));
    for (const r of ratings.filter((r) => r.name === "faithfulness")) expect(llmSpans.has(r.target.id)).toBe(true);
  });

  it("stay off the traces and conversations e2e specs label themselves, and leave some unreviewed", () => {
    const text = new Map(digests.map((d) => [d.traceId, `${d.question}\n${d.answer}`]));
    const onTraces = ratings.filter((r) => r.traceId !== null);
    for (const word of ["refund", "invoice", "export", "invite", "upgrade", "sso", "outage"]) {
      expect(onTraces.filter((r) => text.get(r.traceId!)!.toLowerCase().includes(word)), word).toEqual([]);
      expect(digests.filter((d) => text.get(d.traceId)!.toLowerCase().includes(word)).length, word).toBeGreaterThan(0);
    }
    expect(onTraces.filter((r) => TRACE_RATING_FREE.test(text.get(r.traceId!)!))).toEqual([]);
    // review-list.spec.ts walks 21+ "sso" traces nobody has reviewed.
    expect(digests.filter((d) => /sso/i.test(text.get(d.traceId)!)).length).toBeGreaterThanOrEqual(21);
    const exportSessions = new Set(digests.filter((d) => /export/i.test(text.get(d.traceId)!)).map((d) => d.sessionId));
    expect(satisfaction.filter((r) => exportSessions.has(r.sessionId))).toEqual([]);
    const reviewed = new Set(onTraces.filter((r) => !isJudge(r)).map((r) => r.traceId));
    const open = digests.filter((d) => !TRACE_RATING_FREE.test(text.get(d.traceId)!));
    expect(open.filter((d) => !reviewed.has(d.traceId)).length).toBeGreaterThan(10);
  });

  it("are written after what they rate, people's on weekdays, over most of the demo period", () => {
    const ended = new Map(digests.map((d) => [d.traceId, d.endMs]));
    const sessionEnd = (id: string) => Math.max(...sessionTurns.get(id)!.map((d) => d.endMs));
    for (const r of ratings) {
      expect(r.createdAt.getTime()).toBeGreaterThan(r.traceId ? ended.get(r.traceId)! : sessionEnd(r.sessionId));
      if (!isJudge(r)) expect([1, 2, 3, 4, 5]).toContain(r.createdAt.getUTCDay());
    }
    const days = (rater: string) => new Set(ratings.filter((r) => r.rater === rater).map((r) => r.createdAt.toISOString().slice(0, 10))).size;
    for (const human of HUMANS) expect(days(human), human).toBeGreaterThanOrEqual(10);
    expect(days(DEMO_JUDGE)).toBeGreaterThanOrEqual(25);
  });

  it("seed into the demo project once, as the app (people) and the API (the judge) write them", async () => {
    await resetDatabase();
    const first = await seedDemoData(db);
    expect(first.ratings).toBe(ratings.length);
    const again = await seedDemoData(db);
    expect(again.ratings).toBe(0);
    const rows = await db.$queryRaw<{ who: string; kind: string; source: string; ok_identifier: number; linked: number; n: number; days: number }[]>`
      SELECT coalesce(u.email, a.identifier) AS who, a.annotator_kind::text AS kind, a.source::text AS source,
        count(*) FILTER (WHERE a.identifier = CASE WHEN u.id IS NULL THEN ${DEMO_JUDGE} ELSE 'px-app:' || u.id::text END)::int AS ok_identifier,
        count(*) FILTER (WHERE a.document_position = -1 AND a.created_at = a.updated_at AND CASE a.target_type
          WHEN 'SPAN' THEN a.span_row_id = a.target_id AND a.trace_row_id IS NOT NULL
          WHEN 'TRACE' THEN a.trace_row_id = a.target_id ELSE a.session_row_id = a.target_id AND a.trace_row_id IS NULL END)::int AS linked,
        count(*)::int AS n, count(DISTINCT a.created_at::date)::int AS days
      FROM annotations a LEFT JOIN users u ON u.id = a.user_id WHERE a.name <> 'note' GROUP BY 1, 2, 3`;
    rows.sort((a, b) => (a.who < b.who ? -1 : 1));
    const count = (rater: string) => ratings.filter((r) => r.rater === rater).length;
    expect(rows.map(({ who, kind, source, n }) => ({ who, kind, source, n }))).toEqual([
      { who: DEMO_JUDGE, kind: "LLM", source: "API", n: count(DEMO_JUDGE) },
      ...HUMANS.map((who) => ({ who, kind: "HUMAN", source: "APP", n: count(who) })),
    ]);
    for (const row of rows) expect([row.ok_identifier, row.linked]).toEqual([row.n, row.n]);
    const [judge] = await db.$queryRaw<{ users: number }[]>`SELECT count(user_id)::int AS users FROM annotations WHERE identifier = ${DEMO_JUDGE}`;
    expect(judge.users).toBe(0);
  }, 120_000);
});
