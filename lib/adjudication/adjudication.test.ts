import { describe, expect, it } from "vitest";
import { GET as getTraceAnnotations } from "@/app/v1/projects/[project]/trace_annotations/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { writeNote } from "@/lib/annotations/notes";
import { upsertAnnotations } from "@/lib/annotations/upsert-annotations";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { call } from "@/tests/api/api-fixtures";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { adjudicateAction } from "@/lib/actions/adjudication/adjudicate";
import { adjudicate } from "./adjudicate";
import { adjudicationScopes } from "./adjudication-scopes";
import { listDisagreements } from "./disagreements";
import { finalValues } from "./final-value";

const db = useTestDatabase();
const password = "correct horse battery";

// Three traces in "default", the demo rubrics on it, two reviewers and a lead.
async function world() {
  const traces = [0, 1, 2].map((n) => ragTrace({ start: new Date(Date.UTC(2026, 10, 20, 10, n)), input: `Question ${n}` }));
  await ingestSpans(traces.flat());
  await seedDemoRubrics(db, "default");
  const project = await db.project.findUniqueOrThrow({ where: { name: "default" }, select: { id: true, blindReview: true } });
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD", name: string) =>
    actorForUser(await createUser(admin, { name, email: `${name.toLowerCase()}@t.dev`, password, role }));
  const [ann, bob, lead] = [await user("REVIEWER", "Ann"), await user("REVIEWER", "Bob"), await user("LEAD", "Lead")];
  const traceIds = traces.map((spans) => spans[0].traceId);
  const give = (actor: typeof ann, traceId: string, name: string, result: { label?: string; score?: number; explanation?: string }) =>
    saveReviewAnnotation(actor, { target: "TRACE", item: { name, annotator_kind: "HUMAN", trace_id: traceId, result } });
  return { project, admin, ann, bob, lead, traceIds, give };
}

const summary = (rows: Awaited<ReturnType<typeof listDisagreements>>["rows"]) =>
  rows.map((r) => `${r.target.externalId.slice(0, 4)}:${r.rubric.name}:${r.values.map((v) => `${v.reviewer}=${v.label ?? v.score}`).join(",")}`);

describe("listDisagreements", () => {
  it("lists different labels with every value side by side, not agreement nor a single value", async () => {
    const w = await world();
    const [t0, t1, t2] = w.traceIds;
    await w.give(w.ann, t0, "correctness", { label: "correct", explanation: "Matches the policy." });
    await w.give(w.bob, t0, "correctness", { label: "incorrect", explanation: "Wrong refund window." });
    await w.give(w.ann, t1, "correctness", { label: "correct" });
    await w.give(w.bob, t1, "correctness", { label: "correct" });
    await w.give(w.ann, t2, "correctness", { label: "incorrect" });
    await writeNote(w.bob, "TRACE", t0, "Check the refund article.", { source: "APP" });

    const page = await listDisagreements(w.lead, w.project, { rubric: "correctness" });
    expect(page.total).toBe(1);
    const [row] = page.rows;
    expect(row.target).toMatchObject({ kind: "TRACE", externalId: t0, traceId: t0, title: "support_turn", preview: "Question 0" });
    expect(row.values.map((v) => [v.reviewer, v.label, v.explanation])).toEqual([
      ["Ann", "correct", "Matches the policy."],
      ["Bob", "incorrect", "Wrong refund window."],
    ]);
    expect(row.notes.map((n) => [n.author, n.text])).toEqual([["Bob", "Check the refund article."]]);
    expect(row.adjudicated).toBeNull();
  });

  it("lists continuous scores whose spread is above the threshold", async () => {
    const w = await world();
    const [t0, t1] = w.traceIds;
    await w.give(w.ann, t0, "helpfulness", { score: 2 });
    await w.give(w.bob, t0, "helpfulness", { score: 8 });
    await w.give(w.ann, t1, "helpfulness", { score: 6 });
    await w.give(w.bob, t1, "helpfulness", { score: 7 });
    const at = async (threshold: number) => summary((await listDisagreements(w.lead, w.project, { rubric: "helpfulness", threshold })).rows);
    expect((await at(0)).sort()).toEqual([`${t1.slice(0, 4)}:helpfulness:Ann=6,Bob=7`, `${t0.slice(0, 4)}:helpfulness:Ann=2,Bob=8`].sort());
    expect(await at(1)).toEqual([`${t0.slice(0, 4)}:helpfulness:Ann=2,Bob=8`]);
    expect(await at(6)).toEqual([]);
    expect((await listDisagreements(w.lead, w.project, { rubric: "helpfulness", threshold: 1 })).rows[0].spread).toBe(6);
  });

  it("never counts the adjudicated value as a reviewer", async () => {
    const w = await world();
    const [t0] = w.traceIds;
    // One reviewer, and a lead's final value that differs: still no disagreement.
    await w.give(w.ann, t0, "correctness", { label: "correct" });
    await adjudicate(w.lead, w.project, { target: { kind: "TRACE", id: t0 }, rubric: "correctness", label: "incorrect", reason: "Policy changed." });
    for (const status of ["open", "resolved"] as const) {
      const page = await listDisagreements(w.lead, w.project, { rubric: "correctness", status });
      expect(page.rows.flatMap((r) => r.values.map((v) => v.reviewer))).toEqual(status === "open" ? [] : ["Ann"]);
    }
    expect((await listDisagreements(w.lead, w.project, { rubric: "correctness" })).total).toBe(0);
  });

  it("scopes a queue to its items and its rubrics", async () => {
    const w = await world();
    const [t0, t1] = w.traceIds;
    for (const t of [t0, t1]) {
      await w.give(w.ann, t, "correctness", { label: "correct" });
      await w.give(w.bob, t, "correctness", { label: "partially_correct" });
      await w.give(w.ann, t, "helpfulness", { score: 1 });
      await w.give(w.bob, t, "helpfulness", { score: 9 });
    }
    const rubric = await db.rubric.findUniqueOrThrow({ where: { name: "correctness" } });
    const row = await db.trace.findUniqueOrThrow({ where: { traceId: t1 } });
    const queue = await db.reviewQueue.create({
      data: { projectId: w.project.id, name: "Week 48", targetKind: "TRACE", reviewsNeeded: 2,
        rubrics: { create: [{ rubricId: rubric.id }] }, items: { create: [{ targetId: row.id }] } },
    });
    expect(summary((await listDisagreements(w.lead, w.project, { queueId: queue.id })).rows))
      .toEqual([`${t1.slice(0, 4)}:correctness:Ann=correct,Bob=partially_correct`]);
    const scopes = await adjudicationScopes(w.lead, w.project);
    expect(scopes.queues).toEqual([{ id: queue.id, name: "Week 48", archived: false, rubrics: ["correctness"], open: 1 }]);
    expect(scopes.rubrics.filter((r) => r.open > 0)).toEqual([
      { name: "correctness", type: "CATEGORICAL", open: 2 },
      { name: "helpfulness", type: "CONTINUOUS", open: 2 },
    ]);
    await expect(listDisagreements(w.lead, { id: 999, blindReview: false }, { queueId: queue.id })).rejects.toThrow(NotFoundError);
  });

  it("refuses a reviewer", async () => {
    const w = await world();
    await expect(listDisagreements(w.ann, w.project, { rubric: "correctness" })).rejects.toThrow(ForbiddenError);
    await expect(adjudicationScopes(w.ann, w.project)).rejects.toThrow(ForbiddenError);
  });
});

describe("adjudicate", () => {
  it("writes the final value as an `adjudicated` annotation, keeps history, moves the item to resolved", async () => {
    const w = await world();
    const [t0] = w.traceIds;
    await w.give(w.ann, t0, "correctness", { label: "correct" });
    await w.give(w.bob, t0, "correctness", { label: "incorrect" });
    const target = { kind: "TRACE" as const, id: t0 };

    const first = await adjudicate(w.lead, w.project, { target, rubric: "correctness", label: "partially_correct", reason: "Right idea, wrong window." });
    expect(first).toMatchObject({ label: "partially_correct", score: 0.5 });
    expect((await listDisagreements(w.lead, w.project, { rubric: "correctness" })).rows).toEqual([]);
    const resolved = await listDisagreements(w.lead, w.project, { rubric: "correctness", status: "resolved" });
    expect(resolved.rows[0].adjudicated).toMatchObject({ label: "partially_correct", reason: "Right idea, wrong window.", by: "Lead" });
    expect(resolved.rows[0].values).toHaveLength(2);

    // An admin settles it again: same row, the lead's version in history.
    const second = await adjudicate(w.admin, w.project, { target, rubric: "correctness", label: "incorrect", reason: "Checked the policy page." });
    expect(second.annotationId).toBe(first.annotationId);
    const stored = await db.annotation.findUniqueOrThrow({ where: { id: first.annotationId } });
    expect(stored).toMatchObject({ identifier: "adjudicated", label: "incorrect", score: 0, explanation: "Checked the policy page.", userId: w.admin.userId, source: "APP" });
    const history = await db.annotationHistory.findMany({ where: { annotationId: first.annotationId } });
    expect(history.map((h) => [h.action, h.label, h.explanation, h.userId])).toEqual([["UPDATE", "partially_correct", "Right idea, wrong window.", w.lead.userId]]);

    // The final value wins over the reviewers' (the dashboards' "final").
    expect(await finalValues(w.lead, w.project, { names: ["correctness"] })).toEqual([
      expect.objectContaining({ label: "incorrect", score: 0, source: "adjudicated", reviewers: 2 }),
    ]);
  });

  it("is readable over the Phoenix API", async () => {
    const w = await world();
    const [t0] = w.traceIds;
    await adjudicate(w.lead, w.project, { target: { kind: "TRACE", id: t0 }, rubric: "helpfulness", score: 7.5, reason: "Mostly resolved." });
    const key = (await createApiKey(w.bob, { name: "bob" })).secret;
    const response = await call(getTraceAnnotations, { path: `/v1/projects/default/trace_annotations?trace_ids=${t0}&limit=100`, key, params: { project: "default" } });
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toEqual([expect.objectContaining({
      name: "helpfulness", identifier: "adjudicated", trace_id: t0, annotator_kind: "HUMAN",
      result: expect.objectContaining({ score: 7.5, explanation: "Mostly resolved." }),
    })]);
  });

  it("checks the value against the rubric and wants a reason", async () => {
    const w = await world();
    const target = { kind: "TRACE" as const, id: w.traceIds[0] };
    await expect(adjudicate(w.lead, w.project, { target, rubric: "correctness", label: "great", reason: "x" })).rejects.toThrow(ValidationError);
    await expect(adjudicate(w.lead, w.project, { target, rubric: "helpfulness", score: 11, reason: "x" })).rejects.toThrow(ValidationError);
    await expect(adjudicate(w.lead, w.project, { target, rubric: "correctness", label: "correct", reason: "  " })).rejects.toThrow(ValidationError);
    await expect(adjudicate(w.lead, w.project, { target, rubric: "correctness", label: "correct", reason: "a\u0000b" })).rejects.toThrow(ValidationError);
    await expect(adjudicate(w.lead, w.project, { target, rubric: "nonexistent", label: "correct", reason: "x" })).rejects.toThrow(NotFoundError);
    await expect(adjudicate(w.lead, { id: 999, blindReview: false }, { target, rubric: "correctness", label: "correct", reason: "x" })).rejects.toThrow(NotFoundError);
    expect(await db.annotation.count({ where: { identifier: "adjudicated" } })).toBe(0);
  });

  it("refuses a reviewer (403) and changes nothing", async () => {
    const w = await world();
    const [t0] = w.traceIds;
    await w.give(w.ann, t0, "correctness", { label: "correct" });
    await w.give(w.bob, t0, "correctness", { label: "incorrect" });
    const before = await db.annotation.findMany({ orderBy: { id: "asc" } });
    const error = await adjudicate(w.ann, w.project, { target: { kind: "TRACE", id: t0 }, rubric: "correctness", label: "correct", reason: "Mine is right." }).catch((e) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.status).toBe(403);
    expect(await db.annotation.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.annotationHistory.count()).toBe(0);
    // Nor can a reviewer sneak the identifier in through the ordinary write path when a lead holds it.
    await adjudicate(w.lead, w.project, { target: { kind: "TRACE", id: t0 }, rubric: "correctness", label: "incorrect", reason: "Policy." });
    await expect(upsertAnnotations(w.ann, "TRACE", [{ target: "TRACE", externalId: t0, name: "correctness", label: "correct", annotatorKind: "HUMAN", identifier: "adjudicated" }], "API"))
      .rejects.toThrow(ForbiddenError);
  });
});

describe("adjudicateAction", () => {
  it("refuses unstorable or missing fields before anyone is looked up, naming the field", async () => {
    const input = { projectId: 1, target: { kind: "TRACE", id: "abc" }, rubric: "correctness", label: "correct" };
    expect(await adjudicateAction({ ...input, reason: "a\u0000b" })).toEqual({
      status: "error", message: "Please correct the highlighted fields.", fieldErrors: { reason: ["must not contain NUL characters (\\u0000)"] },
    });
    expect(await adjudicateAction({ ...input, reason: " " })).toMatchObject({ status: "error", fieldErrors: { reason: ["A reason is required."] } });
  });
});

describe("finalValues", () => {
  it("takes the reviewers' agreed label, leaves a dispute empty, and means continuous scores", async () => {
    const w = await world();
    const [t0, t1] = w.traceIds;
    await w.give(w.ann, t0, "correctness", { label: "correct" });
    await w.give(w.bob, t0, "correctness", { label: "correct" });
    await w.give(w.ann, t1, "correctness", { label: "correct" });
    await w.give(w.bob, t1, "correctness", { label: "incorrect" });
    await w.give(w.ann, t1, "helpfulness", { score: 4 });
    await w.give(w.bob, t1, "helpfulness", { score: 8 });
    const rows = await finalValues(w.lead, w.project);
    const traceRow = async (traceId: string) => (await db.trace.findUniqueOrThrow({ where: { traceId } })).id;
    // Row ids follow ingestion order, which is not the traces' order: compare as sets.
    const byKey = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(rows.map((r) => [r.targetRowId, r.name, r.label, r.score, r.source]).sort(byKey)).toEqual([
      [await traceRow(t0), "correctness", "correct", 1, "reviewers"],
      [await traceRow(t1), "correctness", null, null, "disputed"],
      [await traceRow(t1), "helpfulness", null, 6, "reviewers"],
    ].sort(byKey));
  });
});
