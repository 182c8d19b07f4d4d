import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { UnauthorizedError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { parseDashboardFilters } from "./dashboard-filters";
import { t95 } from "./dashboard-sql";
import { coverageDashboard } from "./coverage";
import { progressDashboard } from "./reviewer-progress";
import { rubricDashboard } from "./rubric-analytics";
import { satisfactionDashboard } from "./satisfaction";

const db = useTestDatabase();
const password = "correct horse battery";
const JUDGE = "judge:gpt-4o";

/*
 * The fixture (project "default", the demo rubrics). Five sessions, one trace
 * each (ragTrace: CHAIN root "support_turn" → RETRIEVER + LLM "generate_answer"),
 * so 5 sessions, 5 traces, 15 spans. Times UTC; 2026-11-16 and 2026-11-23 are Mondays.
 *
 *   session  start             trace root
 *   S1       Fri 11-20 10:00   T1 CHAIN support_turn
 *   S2       Fri 11-20 15:00   T2 CHAIN refund_request
 *   S3       Sat 11-21 09:00   T3 CHAIN support_turn
 *   S4       Mon 11-23 12:00   T4 AGENT support_turn
 *   S5       Mon 11-23 13:00   T5 CHAIN support_turn (nothing but a note)
 *
 * user_satisfaction (1–5):   Ann  Bob  judge (LLM, no user)
 *   S1                         2    3    4
 *   S2                         4    5    5     (+ the lead's adjudicated 3: left out)
 *   S3                         1    1    3
 *   S4                         -    -    2
 * correctness (label, score): Ann                Bob                  judge
 *   T1                        correct 1          correct 1            correct 1
 *   T2                        incorrect 0        partially_correct .5 correct 1
 *   T3                        correct 1          -                    partially_correct .5
 *   T4                        -                  -                    incorrect 0
 * helpfulness: T1 Ann 7, judge 9. faithfulness: T1's LLM span, Ann "faithful".
 * Notes: Ann on S1, Bob on T5 (never counted).
 * Written (created_at): Ann 11-24 except S3 and T3 (11-25); Bob 11-25; judge 11-24; lead 11-26.
 */
async function world({ blind = false } = {}) {
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));
  const plan = [
    { session: "S1", start: at(20, 10), root: "support_turn", kind: "CHAIN" },
    { session: "S2", start: at(20, 15), root: "refund_request", kind: "CHAIN" },
    { session: "S3", start: at(21, 9), root: "support_turn", kind: "CHAIN" },
    { session: "S4", start: at(23, 12), root: "support_turn", kind: "AGENT" },
    { session: "S5", start: at(23, 13), root: "support_turn", kind: "CHAIN" },
  ];
  const traces = plan.map((p) => {
    const spans = ragTrace({ start: p.start, sessionId: p.session, rootKind: p.kind, input: `First question of ${p.session}` });
    spans[0] = { ...spans[0], name: p.root };
    return spans;
  });
  await ingestSpans(traces.flat());
  await seedDemoRubrics(db, "default");
  const project = await db.project.update({ where: { name: "default" }, data: { blindReview: blind }, select: { id: true, blindReview: true } });
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD", name: string) =>
    actorForUser(await createUser(admin, { name, email: `${name.toLowerCase()}@t.dev`, password, role }));
  const [ann, bob, lead] = [await user("REVIEWER", "Ann"), await user("REVIEWER", "Bob"), await user("LEAD", "Lead")];

  const sessions = Object.fromEntries((await db.session.findMany({ select: { id: true, sessionId: true } })).map((s) => [s.sessionId, s.id]));
  const traceRows = await db.trace.findMany({ select: { id: true, session: { select: { sessionId: true } } } });
  const trace = Object.fromEntries(traceRows.map((t) => [t.session!.sessionId.replace("S", "T"), t.id]));
  const llmSpan = await db.span.findFirstOrThrow({ where: { traceRowId: trace.T1, name: "generate_answer" }, select: { id: true } });

  type Who = typeof ann | "judge";
  const write = async (who: Who, target: { type: "SESSION" | "TRACE" | "SPAN"; id: number }, name: string,
    value: { label?: string; score?: number; explanation?: string }, day: number, identifier?: string) => {
    const human = who !== "judge";
    await db.annotation.create({
      data: {
        projectId: project.id, targetType: target.type, targetId: target.id, name, ...value,
        sessionRowId: target.type === "SESSION" ? target.id : null,
        traceRowId: target.type === "TRACE" ? target.id : target.type === "SPAN" ? trace.T1 : null,
        spanRowId: target.type === "SPAN" ? target.id : null,
        annotatorKind: human ? "HUMAN" : "LLM", source: human ? "APP" : "API",
        identifier: identifier ?? (human ? `px-app:${who.userId}` : JUDGE), userId: human ? who.userId : null,
        createdAt: new Date(Date.UTC(2026, 10, day, 18)),
      },
    });
  };
  const S = (key: string) => ({ type: "SESSION" as const, id: sessions[key] });
  const T = (key: string) => ({ type: "TRACE" as const, id: trace[key] });
  const sat = (score: number) => ({ score });
  await write(ann, S("S1"), "user_satisfaction", sat(2), 24);
  await write(bob, S("S1"), "user_satisfaction", sat(3), 25);
  await write("judge", S("S1"), "user_satisfaction", sat(4), 24);
  await write(ann, S("S2"), "user_satisfaction", sat(4), 24);
  await write(bob, S("S2"), "user_satisfaction", sat(5), 25);
  await write("judge", S("S2"), "user_satisfaction", sat(5), 24);
  await write(lead, S("S2"), "user_satisfaction", sat(3), 26, "adjudicated");
  await write(ann, S("S3"), "user_satisfaction", sat(1), 25);
  await write(bob, S("S3"), "user_satisfaction", sat(1), 25);
  await write("judge", S("S3"), "user_satisfaction", sat(3), 24);
  await write("judge", S("S4"), "user_satisfaction", sat(2), 24);
  const correct = { label: "correct", score: 1 }, partly = { label: "partially_correct", score: 0.5 }, wrong = { label: "incorrect", score: 0 };
  await write(ann, T("T1"), "correctness", correct, 24);
  await write(bob, T("T1"), "correctness", correct, 25);
  await write("judge", T("T1"), "correctness", correct, 24);
  await write(ann, T("T2"), "correctness", wrong, 24);
  await write(bob, T("T2"), "correctness", partly, 25);
  await write("judge", T("T2"), "correctness", correct, 24);
  await write(ann, T("T3"), "correctness", correct, 25);
  await write("judge", T("T3"), "correctness", partly, 24);
  await write("judge", T("T4"), "correctness", wrong, 24);
  await write(ann, T("T1"), "helpfulness", sat(7), 24);
  await write("judge", T("T1"), "helpfulness", sat(9), 24);
  await write(ann, { type: "SPAN", id: llmSpan.id }, "faithfulness", { label: "faithful", score: 1 }, 24);
  await write(ann, S("S1"), "note", { explanation: "Customer left unhappy." }, 24, "px-session-note:1");
  await write(bob, T("T5"), "note", { explanation: "Nothing to rate." }, 25, "px-trace-note:1");
  return { project, ann, bob, lead };
}

const filters = (query: Record<string, string> = {}) => parseDashboardFilters(query);
const point = (p: { bucket: string; annotatorKind: string; count: number; mean: number | null }) => `${p.bucket} ${p.annotatorKind} n=${p.count} mean=${p.mean}`;

describe("satisfactionDashboard", () => {
  it("gives the trend, interval, distribution, rated shares and lowest sessions a lead sees", async () => {
    const w = await world();
    const d = await satisfactionDashboard(w.lead, w.project, filters());
    expect(d.rubric).toMatchObject({ name: "user_satisfaction", type: "CONTINUOUS", lowerBound: 1, upperBound: 5 });
    expect(d.choices).toEqual(["user_satisfaction"]);
    // By session start day. 11-20 (S1, S2): human 2,3,4,5 → n 4, mean 3.5; judge 4,5 → 4.5.
    // 11-21 (S3): human 1,1 → 1; judge 3. 11-23 (S4): judge 2 only. The adjudicated 3 on S2 is not a rating.
    expect(d.overTime.map(point)).toEqual([
      "2026-11-20 HUMAN n=4 mean=3.5", "2026-11-20 LLM n=2 mean=4.5",
      "2026-11-21 HUMAN n=2 mean=1", "2026-11-21 LLM n=1 mean=3",
      "2026-11-23 LLM n=1 mean=2",
    ]);
    // 11-20 human: deviations −1.5 −0.5 0.5 1.5 → Σ² = 5, s = √(5/3) = 1.290994; t(0.975, 3) = 3.1824;
    // half width 3.1824 × 1.290994 / √4 = 2.054230 → [1.445770, 5.554230].
    const human20 = d.overTime[0];
    expect(human20.ciLow).toBeCloseTo(1.44577, 4);
    expect(human20.ciHigh).toBeCloseTo(5.55423, 4);
    // 11-20 judge: 4, 5 → s = 0.707107, t(0.975, 1) = 12.7062, half = 12.7062 × 0.707107 / √2 = 6.3531.
    expect(d.overTime[1].ciLow).toBeCloseTo(4.5 - 6.3531, 3);
    expect(d.overTime[1].ciHigh).toBeCloseTo(4.5 + 6.3531, 3);
    // 11-21 human: 1, 1 → s = 0, the interval is the point; one value → no interval.
    expect([d.overTime[2].ciLow, d.overTime[2].ciHigh]).toEqual([1, 1]);
    expect([d.overTime[3].ciLow, d.overTime[3].ciHigh]).toEqual([null, null]);
    // Bins 1…5 (integer bounds): human 2,3,1,4,5,1 → 1:2 2:1 3:1 4:1 5:1; judge 4,5,3,2 → 1:0 2:1 3:1 4:1 5:1.
    expect(d.distribution.map((b) => `${b.annotatorKind} ${b.key}:${b.count}`)).toEqual([
      "HUMAN 1:2", "HUMAN 2:1", "HUMAN 3:1", "HUMAN 4:1", "HUMAN 5:1",
      "LLM 1:0", "LLM 2:1", "LLM 3:1", "LLM 4:1", "LLM 5:1",
    ]);
    expect(d.distribution[0].binStart).toBe(1);
    // 5 sessions; S1–S3 rated by a human, S1–S4 by the judge.
    expect([d.sessions, d.ratedByHuman, d.ratedByLlm]).toEqual([5, 3, 4]);
    // Human means S1 2.5, S2 4.5, S3 1; S4 only the judge's 2 (fallback); S5 unrated.
    expect(d.lowest.map((l) => `${l.sessionId} ${l.meanScore} ×${l.ratings}`)).toEqual(["S3 1 ×2", "S4 2 ×1", "S1 2.5 ×2", "S2 4.5 ×2"]);
    expect(d.lowest[0]).toMatchObject({ startTime: "2026-11-21T09:00:00.000Z", firstInput: "First question of S3", label: null });
  });

  it("groups by ISO week (Monday)", async () => {
    const w = await world();
    const d = await satisfactionDashboard(w.lead, w.project, filters({ bucket: "week" }));
    // Week of 11-16: human 2,3,4,5,1,1 → n 6, mean 16/6; judge 4,5,3 → mean 4, s = 1,
    // t(0.975, 2) = 4.3027, half = 4.3027 / √3 = 2.484165. Week of 11-23: judge 2.
    expect(d.overTime.map((p) => `${p.bucket} ${p.annotatorKind} n=${p.count}`)).toEqual([
      "2026-11-16 HUMAN n=6", "2026-11-16 LLM n=3", "2026-11-23 LLM n=1",
    ]);
    expect(d.overTime[0].mean).toBeCloseTo(16 / 6, 10);
    expect(d.overTime[1].ciLow).toBeCloseTo(4 - 2.484165, 4);
    expect(d.overTime[1].ciHigh).toBeCloseTo(4 + 2.484165, 4);
  });

  it("applies the reviewer, kind and date filters", async () => {
    const w = await world();
    // Ann: S1 2, S2 4, S3 1.
    const ann = await satisfactionDashboard(w.lead, w.project, filters({ reviewer: w.ann.userId! }));
    expect([ann.sessions, ann.ratedByHuman, ann.ratedByLlm]).toEqual([5, 3, 0]);
    expect(ann.lowest.map((l) => `${l.sessionId} ${l.meanScore}`)).toEqual(["S3 1", "S1 2", "S2 4"]);
    expect(ann.overTime.map(point)).toEqual(["2026-11-20 HUMAN n=2 mean=3", "2026-11-21 HUMAN n=1 mean=1"]);
    // The judge alone: S4 2, S3 3, S1 4, S2 5 (its own values rank the sessions).
    const llm = await satisfactionDashboard(w.lead, w.project, filters({ kind: "LLM" }));
    expect([llm.ratedByHuman, llm.ratedByLlm]).toEqual([0, 4]);
    expect(llm.lowest.map((l) => `${l.sessionId} ${l.meanScore}`)).toEqual(["S4 2", "S3 3", "S1 4", "S2 5"]);
    expect(llm.overTime.every((p) => p.annotatorKind === "LLM")).toBe(true);
    // [11-21, 11-23): S3 only.
    const sat = await satisfactionDashboard(w.lead, w.project, filters({ from: "2026-11-21", to: "2026-11-23" }));
    expect([sat.sessions, sat.ratedByHuman, sat.ratedByLlm]).toEqual([1, 1, 1]);
    expect(sat.overTime.map(point)).toEqual(["2026-11-21 HUMAN n=2 mean=1", "2026-11-21 LLM n=1 mean=3"]);
  });

  it("shows a reviewer on a blind project only what the blind-review rule shows", async () => {
    const w = await world({ blind: true });
    // Ann rated S1–S3: she sees every value there, and nothing of S4 (the judge's 2).
    const d = await satisfactionDashboard(w.ann, w.project, filters());
    expect([d.sessions, d.ratedByHuman, d.ratedByLlm]).toEqual([5, 3, 3]);
    expect(d.lowest.map((l) => l.sessionId)).toEqual(["S3", "S1", "S2"]);
    expect(d.distribution.filter((b) => b.annotatorKind === "LLM").map((b) => b.count)).toEqual([0, 0, 1, 1, 1]);
    // The lead sees all of it.
    expect((await satisfactionDashboard(w.lead, w.project, filters())).ratedByLlm).toBe(4);
    await expect(satisfactionDashboard(null, w.project, filters())).rejects.toThrow(UnauthorizedError);
  });
});

describe("rubricDashboard", () => {
  it("defaults to the first rubric by name and counts labels per kind, over time, by span kind and root name", async () => {
    const w = await world();
    const d = await rubricDashboard(w.lead, w.project, filters());
    expect(d.choices).toEqual(["correctness", "failure_mode", "faithfulness", "helpfulness", "relevance", "user_satisfaction"]);
    expect(d.rubric).toMatchObject({ name: "correctness", labels: ["correct", "partially_correct", "incorrect"] });
    // Human: correct T1 Ann, T1 Bob, T3 Ann = 3; partially T2 Bob; incorrect T2 Ann. Judge: correct T1, T2; partially T3; incorrect T4.
    expect(d.distribution.map((b) => `${b.annotatorKind} ${b.key}:${b.count}`)).toEqual([
      "HUMAN correct:3", "HUMAN partially_correct:1", "HUMAN incorrect:1",
      "LLM correct:2", "LLM partially_correct:1", "LLM incorrect:1",
    ]);
    // 11-20 (T1, T2): human 4 values (1, 1, 0, .5 → mean .625), judge 2 correct. 11-21 (T3): Ann correct, judge partially. 11-23 (T4): judge incorrect.
    expect(d.overTime.map((p) => `${point(p)} ${JSON.stringify(p.labels)}`)).toEqual([
      `2026-11-20 HUMAN n=4 mean=0.625 {"correct":2,"incorrect":1,"partially_correct":1}`,
      `2026-11-20 LLM n=2 mean=1 {"correct":2}`,
      `2026-11-21 HUMAN n=1 mean=1 {"correct":1}`,
      `2026-11-21 LLM n=1 mean=0.5 {"partially_correct":1}`,
      `2026-11-23 LLM n=1 mean=0 {"incorrect":1}`,
    ]);
    // CHAIN roots T1–T3: 3 + 3 + 2 = 8 values, scores 3 + 1.5 + 1.5 = 6 → .75; AGENT root T4: judge incorrect.
    expect(d.bySpanKind).toEqual([
      { key: "CHAIN", count: 8, mean: 0.75, labels: { correct: 5, partially_correct: 2, incorrect: 1 } },
      { key: "AGENT", count: 1, mean: 0, labels: { incorrect: 1 } },
    ]);
    // support_turn: T1 (3), T3 (2), T4 (1) → 6 values, scores 3 + 1.5 + 0 = 4.5 → .75; refund_request: T2's 3 → 1.5 / 3.
    expect(d.byRootSpanName).toEqual([
      { key: "support_turn", count: 6, mean: 0.75, labels: { correct: 4, partially_correct: 1, incorrect: 1 } },
      { key: "refund_request", count: 3, mean: 0.5, labels: { correct: 1, partially_correct: 1, incorrect: 1 } },
    ]);
  });

  it("breaks a span rubric down by the span's own kind, and bins a 0–10 score per integer", async () => {
    const w = await world();
    const span = await rubricDashboard(w.lead, w.project, filters({ rubric: "faithfulness" }));
    expect(span.bySpanKind).toEqual([{ key: "LLM", count: 1, mean: 1, labels: { faithful: 1 } }]);
    expect(span.byRootSpanName.map((r) => `${r.key}:${r.count}`)).toEqual(["support_turn:1"]);
    const help = await rubricDashboard(w.lead, w.project, filters({ rubric: "helpfulness" }));
    // 0…10: 11 bins per kind; Ann's 7 and the judge's 9.
    expect(help.distribution.filter((b) => b.count > 0).map((b) => `${b.annotatorKind} ${b.key}`)).toEqual(["HUMAN 7", "LLM 9"]);
    expect(help.distribution.length).toBe(22);
    // Kind and date filters: the judge's correctness from 11-21 on: T3 partially, T4 incorrect.
    const judged = await rubricDashboard(w.lead, w.project, filters({ rubric: "correctness", kind: "LLM", from: "2026-11-21" }));
    expect(judged.distribution.map((b) => `${b.key}:${b.count}`)).toEqual(["correct:0", "partially_correct:1", "incorrect:1"]);
  });
});

describe("coverageDashboard", () => {
  it("counts targets with a human annotation, notes and adjudicated values left out", async () => {
    const w = await world();
    // Traces: T1–T3 have human labels (T5's note does not count). Spans: T1's LLM span (faithfulness).
    // Sessions: S1–S3 (S4 only the judge; S1's note and S2's adjudicated value add nothing).
    expect((await coverageDashboard(w.lead, w.project, filters())).rows).toEqual([
      { targetKind: "TRACE", total: 5, annotated: 3 },
      { targetKind: "SPAN", total: 15, annotated: 1 },
      { targetKind: "SESSION", total: 5, annotated: 3 },
    ]);
    // From 11-21: T3–T5 (9 spans), S3–S5; human: T3, S3.
    expect((await coverageDashboard(w.lead, w.project, filters({ from: "2026-11-21" }))).rows).toEqual([
      { targetKind: "TRACE", total: 3, annotated: 1 },
      { targetKind: "SPAN", total: 9, annotated: 0 },
      { targetKind: "SESSION", total: 3, annotated: 1 },
    ]);
    // kind=LLM: the judge's share: T1–T4, S1–S4.
    expect((await coverageDashboard(w.lead, w.project, filters({ kind: "LLM" }))).rows.map((r) => r.annotated)).toEqual([4, 0, 4]);
    // Bob: T1, T2, S1–S3.
    expect((await coverageDashboard(w.lead, w.project, filters({ reviewer: w.bob.userId! }))).rows.map((r) => r.annotated)).toEqual([2, 0, 3]);
  });
});

describe("progressDashboard", () => {
  it("counts labels and scores per reviewer per day and week of writing", async () => {
    const w = await world();
    // 11-24: Ann S1, S2, T1, T2, T1 helpfulness, faithfulness = 6; judge 4 sessions + 4 traces + helpfulness = 9.
    // 11-25: Ann S3, T3 = 2; Bob S1–S3, T1, T2 = 5. Notes and the lead's adjudicated value (11-26) are not progress.
    const rows = (await progressDashboard(w.lead, w.project, filters())).rows;
    expect(rows.map((r) => `${r.bucket} ${r.reviewer} ${r.count}`)).toEqual([
      "2026-11-24 Ann 6", "2026-11-24 judge:gpt-4o 9", "2026-11-25 Ann 2", "2026-11-25 Bob 5",
    ]);
    expect(rows[0].userId).toBe(w.ann.userId);
    expect(rows[1].userId).toBeNull();
    const week = (await progressDashboard(w.lead, w.project, filters({ bucket: "week" }))).rows;
    expect(week.map((r) => `${r.bucket} ${r.reviewer} ${r.count}`)).toEqual(["2026-11-23 Ann 8", "2026-11-23 Bob 5", "2026-11-23 judge:gpt-4o 9"]);
    // from/to bound the writing time here; kind and reviewer as everywhere.
    const later = (await progressDashboard(w.lead, w.project, filters({ from: "2026-11-25", kind: "HUMAN" }))).rows;
    expect(later.map((r) => `${r.reviewer} ${r.count}`)).toEqual(["Ann 2", "Bob 5"]);
    const bob = (await progressDashboard(w.lead, w.project, filters({ reviewer: w.bob.userId! }))).rows;
    expect(bob.map((r) => `${r.bucket} ${r.reviewer} ${r.count}`)).toEqual(["2026-11-25 Bob 5"]);
  });

  it("counts for a blind reviewer only the values they may see", async () => {
    const w = await world({ blind: true });
    // Ann sees the judge's values only where she gave her own: S1–S3, T1–T3, T1 helpfulness = 7 (not S4, T4).
    const rows = (await progressDashboard(w.ann, w.project, filters())).rows;
    expect(rows.map((r) => `${r.bucket} ${r.reviewer} ${r.count}`)).toEqual([
      "2026-11-24 Ann 6", "2026-11-24 judge:gpt-4o 7", "2026-11-25 Ann 2", "2026-11-25 Bob 5",
    ]);
  });
});

describe("t95", () => {
  it("is the table up to 30 and the expansion beyond", () => {
    expect(t95(1)).toBe(12.7062);
    expect(t95(30)).toBe(2.0423);
    // Published t(0.975, 40) = 2.0211, t(0.975, 120) = 1.9799.
    expect(t95(40)).toBeCloseTo(2.0211, 3);
    expect(t95(120)).toBeCloseTo(1.9799, 3);
  });
});

