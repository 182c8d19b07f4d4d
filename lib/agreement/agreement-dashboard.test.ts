import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/sessions";
import type { Actor } from "@/lib/auth/permissions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { upsertAnnotations } from "@/lib/annotations/upsert-annotations";
import { writeNote } from "@/lib/annotations/notes";
import { adjudicate } from "@/lib/adjudication/adjudicate";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { UnauthorizedError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { krippendorffAlpha } from "./alpha";
import { agreementDashboard } from "./agreement-dashboard";
import { FEWER_THAN_TWO_ITEMS, NO_VARIATION } from "./kappa";

const db = useTestDatabase();
const password = "correct horse battery";

// Six traces in "default" (10:00 … 10:05), the first four each in a session s0 … s3;
// the demo rubrics; reviewers Ann and Bob, a lead, and an LLM judge writing over the
// API with a system key (no user) as identifier "judge-gpt".
async function world() {
  const sessionIds = [0, 1, 2, 3].map((n) => `conv-${n}`);
  const traces = [0, 1, 2, 3, 4, 5].map((n) =>
    ragTrace({ start: new Date(Date.UTC(2026, 10, 20, 10, n)), input: `Question ${n}`, sessionId: sessionIds[n] }));
  await ingestSpans(traces.flat());
  await seedDemoRubrics(db, "default");
  const project = await db.project.findUniqueOrThrow({ where: { name: "default" }, select: { id: true, blindReview: true } });
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD" | "VIEWER", name: string) =>
    actorForUser(await createUser(admin, { name, email: `${name.toLowerCase()}@t.dev`, password, role }));
  const [ann, bob, lead] = [await user("REVIEWER", "Ann"), await user("REVIEWER", "Bob"), await user("LEAD", "Lead")];
  const judge: Actor = { kind: "system-key", userId: null, name: "judge key", email: null, role: "REVIEWER", identifier: "" };
  const traceIds = traces.map((spans) => spans[0].traceId);

  const label = (actor: Actor, n: number, value: string) => actor === judge
    ? upsertAnnotations(judge, "TRACE", [{ target: "TRACE", externalId: traceIds[n], name: "correctness", label: value, annotatorKind: "LLM", identifier: "judge-gpt" }], "API")
    : saveReviewAnnotation(actor, { target: "TRACE", item: { name: "correctness", annotator_kind: "HUMAN", trace_id: traceIds[n], result: { label: value } } });
  const score = (actor: Actor, n: number, value: number) => actor === judge
    ? upsertAnnotations(judge, "SESSION", [{ target: "SESSION", externalId: sessionIds[n], name: "user_satisfaction", score: value, annotatorKind: "LLM", identifier: "judge-gpt" }], "API")
    : saveReviewAnnotation(actor, { target: "SESSION", item: { name: "user_satisfaction", annotator_kind: "HUMAN", session_id: sessionIds[n], result: { score: value } } });
  return { project, admin, ann, bob, lead, judge, traceIds, sessionIds, label, score };
}

type World = Awaited<ReturnType<typeof world>>;

// correctness (c = correct, i = incorrect, p = partially_correct) on t0 … t5:
//   Ann   c c i p c i
//   Bob   c i i p . c
//   judge c c c i c .
const labels = { ann: "cciPci", bob: "ciiP.c", judge: "ccciC." };
const labelOf: Record<string, string> = { c: "correct", i: "incorrect", p: "partially_correct" };

async function giveLabels(w: World) {
  for (const [who, row] of Object.entries(labels)) {
    for (const [n, ch] of [...row.toLowerCase()].entries()) if (ch !== ".") await w.label(w[who as "ann" | "bob" | "judge"], n, labelOf[ch]);
  }
}

// user_satisfaction (1–5) on sessions s0 … s3:  Ann 4 3 1 5,  Bob 3 3 2 .,  judge 4 5 1 5
const scores = { ann: [4, 3, 1, 5], bob: [3, 3, 2, null], judge: [4, 5, 1, 5] };

async function giveScores(w: World) {
  for (const [who, row] of Object.entries(scores)) {
    for (const [n, value] of row.entries()) if (value !== null) await w.score(w[who as "ann" | "bob" | "judge"], n, value);
  }
}

const filters = (raw: Record<string, string> = {}) => parseDashboardFilters(raw);
const pairMap = (pairs: { a: string; b: string; items: number; kappa: number | null; observedAgreement: number | null; reason: string | null }[]) =>
  Object.fromEntries(pairs.map((p) => [[p.a, p.b].sort().join("–"), p]));

describe("agreementDashboard", () => {
  it("computes kappa per pair and nominal alpha on a categorical rubric, humans and the LLM judge alike", async () => {
    const w = await world();
    await giveLabels(w);
    // Neither notes nor the lead's adjudicated value are annotators.
    await writeNote(w.bob, "TRACE", w.traceIds[0], "Looks right.", { source: "APP" });
    await adjudicate(w.lead, w.project, { target: { kind: "TRACE", id: w.traceIds[1] }, rubric: "correctness", label: "incorrect", reason: "Policy." });

    const data = await agreementDashboard(w.lead, w.project, filters({ rubric: "correctness" }));
    expect(data.rubric).toMatchObject({ name: "correctness", type: "CATEGORICAL", labels: ["correct", "partially_correct", "incorrect"] });
    expect(data.choices).toEqual(["correctness", "faithfulness", "helpfulness", "relevance", "user_satisfaction"]);
    expect(data.annotators.map((a) => [a.label, a.annotatorKind, a.identifier])).toEqual([
      ["Ann", "HUMAN", `px-app:${w.ann.userId}`],
      ["Bob", "HUMAN", `px-app:${w.bob.userId}`],
      ["judge-gpt", "LLM", "judge-gpt"],
    ]);
    const pairs = pairMap(data.pairs);
    // Ann–Bob on t0 t1 t2 t3 t5: (c,c) (c,i) (i,i) (p,p) (i,c). p_o = 3/5; marginals c2 i2 p1 each: p_e = 9/25.
    expect(pairs["Ann–Bob"].items).toBe(5);
    expect(pairs["Ann–Bob"].observedAgreement).toBeCloseTo(0.6, 10);
    expect(pairs["Ann–Bob"].kappa).toBeCloseTo((0.6 - 0.36) / 0.64, 10);
    // Ann–judge on t0 … t4: p_o = 3/5; Ann c3 i1 p1, judge c4 i1: p_e = 13/25; κ = 0.08/0.48 = 1/6.
    expect(pairs["Ann–judge-gpt"]).toMatchObject({ items: 5, reason: null });
    expect(pairs["Ann–judge-gpt"].kappa).toBeCloseTo(1 / 6, 10);
    // Bob–judge on t0 … t3: p_o = 1/4; Bob c1 i2 p1, judge c3 i1: p_e = 5/16; κ = −1/11.
    expect(pairs["Bob–judge-gpt"].items).toBe(4);
    expect(pairs["Bob–judge-gpt"].kappa).toBeCloseTo(-1 / 11, 10);
    // Alpha (nominal): 6 units, n = 16; W = 2+2+2+2 = 8 (t1 t2 t3 t5), n_c = c9 i5 p2: T = 256 − 110 = 146.
    expect(data.alphaLevel).toBe("nominal");
    expect([data.alphaItems, data.alphaValues]).toEqual([6, 16]);
    expect(data.alpha).toBeCloseTo(1 - (15 * 8) / 146, 10);
    const matrix = [0, 1, 2, 3, 4, 5].map((n) => Object.values(labels).map((row) => (row[n] === "." ? null : row[n].toLowerCase())));
    expect(data.alpha).toBeCloseTo(krippendorffAlpha("nominal", matrix).alpha!, 10);
    expect(data.reason).toBeNull();
    // Disagreements: t1 t2 t3 t5, with the trace ids for links and every annotator's value.
    expect(data.disagreementTotal).toBe(4);
    expect(data.disagreementThreshold).toBeNull();
    expect(data.disagreements.map((d) => d.targetId).sort()).toEqual([1, 2, 3, 5].map((n) => w.traceIds[n]).sort());
    const t3 = data.disagreements.find((d) => d.targetId === w.traceIds[3])!;
    expect(t3).toMatchObject({ targetType: "TRACE", traceId: w.traceIds[3], documentPosition: -1 });
    expect(t3.values).toEqual([
      { annotator: "judge-gpt", label: "incorrect", score: null },
      { annotator: "Ann", label: "partially_correct", score: null },
      { annotator: "Bob", label: "partially_correct", score: null },
    ]);
  });

  it("computes quadratic-weighted kappa and interval alpha on a continuous session rubric", async () => {
    const w = await world();
    await giveScores(w);
    const data = await agreementDashboard(w.lead, w.project, filters({ rubric: "user_satisfaction" }));
    const pairs = pairMap(data.pairs);
    // Ann–Bob (s0 s1 s2): (4,3) (3,3) (1,2): Σ(a−b)² = 2; Σ E w = 14/3 + 2/3 + 0 = 16/3: κ_w = 1 − 6/16.
    expect(pairs["Ann–Bob"]).toMatchObject({ items: 3, reason: null });
    expect(pairs["Ann–Bob"].kappa).toBeCloseTo(0.625, 10);
    expect(pairs["Ann–Bob"].observedAgreement).toBeCloseTo(1 / 3, 10);
    // Ann–judge (4 items): Σ d² = 4; Σ E w = 35/4 + 43/4 + 4·(1/2)² = 20.5: κ_w = 33/41.
    expect(pairs["Ann–judge-gpt"].kappa).toBeCloseTo(33 / 41, 10);
    expect(pairs["Ann–judge-gpt"].observedAgreement).toBe(0.75);
    // Bob–judge (3 items): Σ d² = 6; Σ E w = 2/3 + 26/3 + 3·(2/3)² = 32/3: κ_w = 14/32.
    expect(pairs["Bob–judge-gpt"].kappa).toBeCloseTo(14 / 32, 10);
    // Alpha (interval): W = 1 + 4 + 1 + 0 = 6, n = 11, ΣΣv = 36, ΣΣv² = 140: T = 11·140 − 36² = 244.
    expect(data.alphaLevel).toBe("interval");
    expect([data.alphaItems, data.alphaValues]).toEqual([4, 11]);
    expect(data.alpha).toBeCloseTo(1 - (10 * 6) / 244, 10);
    // Disagreements: a spread above a quarter of 1–5 (1 point): s1 only (3, 3, 5); links by session id.
    expect(data.disagreementThreshold).toBe(1);
    expect(data.disagreementTotal).toBe(1);
    expect(data.disagreements).toEqual([{
      targetType: "SESSION", targetId: w.sessionIds[1], traceId: null, documentPosition: -1,
      values: [{ annotator: "Ann", label: null, score: 3 }, { annotator: "Bob", label: null, score: 3 }, { annotator: "judge-gpt", label: null, score: 5 }],
    }]);
  });

  it("applies blind review: a reviewer's figures count only values on items they rated", async () => {
    const w = await world();
    await giveLabels(w);
    await db.project.update({ where: { id: w.project.id }, data: { blindReview: true } });
    const blind = { ...w.project, blindReview: true };
    // Bob did not rate t4: Ann's and the judge's values there are hidden from him.
    const data = await agreementDashboard(w.bob, blind, filters({ rubric: "correctness" }));
    const pairs = pairMap(data.pairs);
    expect(pairs["Ann–Bob"].kappa).toBeCloseTo(0.375, 10);
    // Ann–judge on t0 … t3 only: p_o = 2/4; Ann c2 i1 p1, judge c3 i1: p_e = 7/16; κ = 1/9.
    expect(pairs["Ann–judge-gpt"].items).toBe(4);
    expect(pairs["Ann–judge-gpt"].kappa).toBeCloseTo(1 / 9, 10);
    // Alpha without t4: n = 14, W = 8, n_c = c7 i5 p2: T = 196 − 78 = 118.
    expect([data.alphaItems, data.alphaValues]).toEqual([5, 14]);
    expect(data.alpha).toBeCloseTo(1 - (13 * 8) / 118, 10);
    // The lead sees everything.
    expect((await agreementDashboard(w.lead, blind, filters({ rubric: "correctness" }))).alphaValues).toBe(16);
    // A viewer rated nothing: nothing to compare, and a reason instead of a number.
    const viewer = actorForUser(await createUser(w.admin, { name: "Vi", email: "vi@t.dev", password, role: "VIEWER" }));
    const none = await agreementDashboard(viewer, blind, filters({ rubric: "correctness" }));
    expect(none).toMatchObject({ annotators: [], pairs: [], alpha: null, alphaItems: 0, disagreements: [], disagreementTotal: 0 });
    expect(none.reason).toMatch(/fewer than 2 annotators/);
    await expect(agreementDashboard(null, blind, filters())).rejects.toThrow(UnauthorizedError);
  });

  it("filters by annotator kind, reviewer and the target's start time", async () => {
    const w = await world();
    await giveLabels(w);
    const humans = await agreementDashboard(w.lead, w.project, filters({ rubric: "correctness", kind: "HUMAN" }));
    expect(humans.pairs.map((p) => [p.a, p.b])).toEqual([["Ann", "Bob"]]);
    // Reviewer Bob: his pairs, and alpha over the items he rated (t4 left out, as under blind review).
    const bob = await agreementDashboard(w.lead, w.project, filters({ rubric: "correctness", reviewer: w.bob.userId! }));
    expect(bob.pairs.map((p) => [p.a, p.b].sort().join("–")).sort()).toEqual(["Ann–Bob", "Bob–judge-gpt"]);
    expect(bob.alpha).toBeCloseTo(1 - (13 * 8) / 118, 10);
    // From t3's start: Ann–Bob on t3 (p,p) and t5 (i,c): p_o = 1/2, p_e = 1/4, κ = 1/3.
    const late = await agreementDashboard(w.lead, w.project, filters({ rubric: "correctness", from: "2026-11-20T10:03:00Z" }));
    expect(pairMap(late.pairs)["Ann–Bob"]).toMatchObject({ items: 2 });
    expect(pairMap(late.pairs)["Ann–Bob"].kappa).toBeCloseTo(1 / 3, 10);
    const early = await agreementDashboard(w.lead, w.project, filters({ rubric: "correctness", to: "2026-11-20T10:01:00Z" }));
    expect(early.alphaValues).toBe(3);
  });

  it("says why there is no number: fewer than 2 shared items, no variation, no such rubric", async () => {
    const w = await world();
    await w.label(w.ann, 0, "correct");
    await w.label(w.bob, 0, "correct");
    await w.label(w.ann, 1, "incorrect");
    await w.label(w.judge, 2, "correct");
    const data = await agreementDashboard(w.lead, w.project, filters({ rubric: "correctness" }));
    const pairs = pairMap(data.pairs);
    expect(pairs["Ann–Bob"]).toEqual({ a: "Ann", b: "Bob", items: 1, kappa: null, observedAgreement: null, reason: FEWER_THAN_TWO_ITEMS });
    expect(pairs["Ann–judge-gpt"]).toMatchObject({ items: 0, kappa: null, reason: FEWER_THAN_TWO_ITEMS });
    // One pairable unit (t0: correct, correct): alpha is undefined without variation.
    expect(data).toMatchObject({ alpha: null, alphaItems: 1, alphaValues: 2 });
    expect(data.reason).toMatch(/no variation/);

    // Ann says correct on t0 and t1, Bob correct then incorrect: Ann has no variation, kappa is 0 (p_o = p_e = 1/2).
    await w.label(w.bob, 1, "incorrect");
    await w.label(w.ann, 1, "correct");
    const same = pairMap((await agreementDashboard(w.lead, w.project, filters({ rubric: "correctness" }))).pairs);
    expect(same["Ann–Bob"]).toMatchObject({ items: 2, kappa: 0, observedAgreement: 0.5, reason: null });
    // Both give everything the same label: kappa is undefined (p_e = 1), observed agreement 1.
    await w.label(w.bob, 1, "correct");
    const agreed = pairMap((await agreementDashboard(w.lead, w.project, filters({ rubric: "correctness" }))).pairs);
    expect(agreed["Ann–Bob"]).toEqual({ a: "Ann", b: "Bob", items: 2, kappa: null, observedAgreement: 1, reason: NO_VARIATION });

    const unknown = await agreementDashboard(w.lead, w.project, filters({ rubric: "failure_mode" }));
    expect(unknown).toMatchObject({ rubric: null, alpha: null, pairs: [] });
    expect(unknown.reason).toMatch(/not a categorical or continuous rubric/);
    // Default: the first categorical or continuous rubric by name.
    expect((await agreementDashboard(w.lead, w.project, filters())).rubric?.name).toBe("correctness");
  });
});
