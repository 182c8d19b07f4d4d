import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import type { Actor } from "@/lib/auth/permissions";
import { upsertAnnotations, type AnnotationWrite } from "@/lib/annotations/upsert-annotations";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { parseDashboardFilters } from "./dashboard-filters";
import { rubricDashboard } from "./rubric-analytics";
import { mergeRubricCounts, rubricRollupServes } from "./rubric-rollup";
import { satisfactionDashboard } from "./satisfaction";

const db = useTestDatabase();
const password = "correct horse battery";

/** Deep equality, numbers within float rounding (the rollup sums n·score per key where the live query averages the values). */
function expectClose(actual: unknown, expected: unknown, path = "$") {
  if (typeof expected === "number" && typeof actual === "number") {
    expect(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${path}: ${actual} vs ${expected}`).toBe(true);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) ? actual.length : actual, `${path} length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

const QUERIES: Record<string, string>[] = [{}, { kind: "LLM" }, { from: "2026-11-21" }, { from: "2026-11-19", to: "2026-11-21", bucket: "week" }];
const RUBRICS = ["correctness", "helpfulness", "faithfulness", "relevance", "user_satisfaction", "failure_mode"];
const SESSION_RUBRICS = ["user_satisfaction", "failure_mode"];

/** Every figure of the rubric and satisfaction sections, rolled up and live, for each rubric and filter set. */
async function expectSame(lead: Actor, project: { id: number; blindReview: boolean }) {
  for (const query of QUERIES) {
    const filters = parseDashboardFilters(query);
    expect(rubricRollupServes({ userId: lead.userId, seesAll: true }, filters)).toBe(true);
    for (const rubric of RUBRICS) {
      expectClose(await rubricDashboard(lead, project, { ...filters, rubric }), await rubricDashboard(lead, project, { ...filters, rubric }, { live: true }), `${rubric} ${JSON.stringify(query)}`);
    }
    for (const rubric of SESSION_RUBRICS) {
      expectClose(await satisfactionDashboard(lead, project, { ...filters, session: rubric }),
        await satisfactionDashboard(lead, project, { ...filters, session: rubric }, { live: true }), `session ${rubric} ${JSON.stringify(query)}`);
    }
  }
}

/*
 * The rolled-up rubric figures (annotation_rubric_counts, keyed by the target's
 * day, span kind and root span name) must be the live ones after every kind of
 * write: values through the API path (single and batch), direct inserts,
 * overwrites (same value, new score, new label), deletes, notes and the
 * adjudicated value (never counted); ingest changing a trace's root span, kind
 * and start (a root span arriving late) and a session's start; a deleted trace
 * and session (values cascade after the target is gone); a value whose target is
 * in another project; merging.
 */
describe("rubric rollup", () => {
  it("matches the live figures after value writes, target changes, deletes and merging", async () => {
    const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));
    const a = ragTrace({ start: at(20, 10), sessionId: "S1" });
    // Trace B arrives without its root span: its root is the earliest orphan until the root comes.
    const bRoot = ragTrace({ start: at(21, 1), sessionId: "S2" });
    await ingestSpans([...a, ...bRoot.slice(1)]);
    await seedDemoRubrics(db, "default");
    const project = await db.project.findUniqueOrThrow({ where: { name: "default" }, select: { id: true, blindReview: true } });
    const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
    const user = async (role: "REVIEWER" | "LEAD", name: string) =>
      actorForUser(await createUser(admin, { name, email: `${name.toLowerCase()}@t.dev`, password, role }));
    const [ann, bob, lead] = [await user("REVIEWER", "Ann"), await user("REVIEWER", "Bob"), await user("LEAD", "Lead")];
    const traceA = a[0].traceId, traceB = bRoot[0].traceId;
    const [llmA, retrieverB, llmB] = [a[2].spanId, bRoot[1].spanId, bRoot[2].spanId];

    // Humans write under their own identifier (as the app does); `identifier` given: the LLM judge (or the adjudicated value).
    let writer = "";
    const w = (externalId: string, name: string, value: Partial<AnnotationWrite>, identifier?: string): AnnotationWrite =>
      ({ target: "TRACE", externalId, name, annotatorKind: identifier ? "LLM" : "HUMAN", identifier: identifier ?? `px-app:${writer}`, ...value });
    const as = (who: Actor, name: string) => { writer = name; return who; };
    await upsertAnnotations(as(ann, "ann"), "TRACE", [w(traceA, "correctness", { label: "correct", score: 1 }), w(traceB, "correctness", { label: "incorrect", score: 0 })], "APP");
    await upsertAnnotations(as(bob, "bob"), "TRACE", [w(traceA, "correctness", { label: "partially_correct", score: 0.5 })], "APP");
    await upsertAnnotations(admin, "TRACE", [
      w(traceA, "correctness", { label: "correct", score: 1 }, "judge"), w(traceB, "helpfulness", { score: 7.25 }, "judge"),
      w(traceA, "helpfulness", { score: 9 }, "judge"), w(traceB, "failure_mode", { label: "hallucination" }, "judge"),
    ], "API");
    await upsertAnnotations(as(ann, "ann"), "SPAN", [w(llmA, "faithfulness", { label: "faithful" }), w(llmB, "faithfulness", { label: "unfaithful" })], "APP");
    await upsertAnnotations(as(ann, "ann"), "DOCUMENT", [{ ...w(retrieverB, "relevance", { label: "relevant" }), documentPosition: 0 }], "APP");
    await upsertAnnotations(as(ann, "ann"), "SESSION", [w("S1", "user_satisfaction", { score: 2 }), w("S2", "user_satisfaction", { score: 4 })], "APP");
    await upsertAnnotations(as(bob, "bob"), "SESSION", [w("S1", "user_satisfaction", { score: 3.5 })], "APP");
    await upsertAnnotations(admin, "SESSION", [w("S1", "user_satisfaction", { score: 4 }, "judge"), w("S2", "user_satisfaction", { score: 1 }, "judge")], "API");
    // Never counted: a note and the lead's adjudicated value.
    await upsertAnnotations(as(lead, "lead"), "SESSION", [w("S1", "user_satisfaction", { score: 5 }, "adjudicated")], "APP");
    const s1 = await db.session.findUniqueOrThrow({ where: { sessionId: "S1" }, select: { id: true } });
    await db.annotation.create({ data: { projectId: project.id, targetType: "SESSION", targetId: s1.id, sessionRowId: s1.id, name: "note", explanation: "hm", identifier: "px-session-note:1" } });
    await expectSame(lead, project);
    const before = await rubricDashboard(lead, project, parseDashboardFilters({ rubric: "correctness" }));
    expect(before.byRootSpanName.map((r) => `${r.key} ${r.count}`)).toEqual(["support_turn 3", "retrieve_docs 1"]);

    // Trace B's root span arrives, a day earlier, named and kinded otherwise: the trace's root name, kind and
    // start move, so do its spans' root name and session S2's start.
    await ingestSpans([{ ...bRoot[0], name: "refund_request", startTime: at(19, 23), attributes: { ...bRoot[0].attributes, "openinference.span.kind": "AGENT" } }]);
    const after = await rubricDashboard(lead, project, parseDashboardFilters({ rubric: "correctness" }));
    expect(after.byRootSpanName.map((r) => `${r.key} ${r.count}`)).toEqual(["support_turn 3", "refund_request 1"]);
    await expectSame(lead, project);
    // A span of A re-ingested with another kind and an earlier start.
    await ingestSpans([{ ...a[2], startTime: at(18, 5), attributes: { ...a[2].attributes, "openinference.span.kind": "TOOL" } }]);
    await expectSame(lead, project);

    // Overwrites: the same value again, a new score, a new label; a batch move by direct update.
    await upsertAnnotations(as(ann, "ann"), "SESSION", [w("S1", "user_satisfaction", { score: 2 })], "APP");
    await upsertAnnotations(as(bob, "bob"), "SESSION", [w("S1", "user_satisfaction", { score: 1.5 })], "APP");
    await upsertAnnotations(as(ann, "ann"), "TRACE", [w(traceB, "correctness", { label: "partially_correct", score: 0.5 })], "APP");
    await db.annotation.updateMany({ where: { identifier: "judge", name: "correctness" }, data: { annotatorKind: "CODE" } });
    await expectSame(lead, project);

    // A value in another project on a session of this one: its own project's rubric section counts it, no satisfaction does.
    const other = await db.project.create({ data: { name: "other" }, select: { id: true, blindReview: true } });
    await db.annotation.create({ data: { projectId: other.id, targetType: "SESSION", targetId: s1.id, sessionRowId: s1.id, name: "user_satisfaction", score: 3, identifier: "x" } });
    await expectSame(lead, other);
    expect((await satisfactionDashboard(lead, other, parseDashboardFilters({}))).overTime).toEqual([]);
    expect((await rubricDashboard(lead, other, parseDashboardFilters({ rubric: "user_satisfaction" }))).overTime).toHaveLength(1);

    // Deletes: one value; trace A (its spans and every value on them go by cascade, after the target rows); session S2.
    await db.annotation.deleteMany({ where: { identifier: "px-app:bob", targetType: "SESSION" } });
    await expectSame(lead, project);
    await db.trace.delete({ where: { traceId: traceA } });
    await expectSame(lead, project);
    await db.session.delete({ where: { sessionId: "S2" } });
    await expectSame(lead, project);
    expect(await db.annotationRubricTarget.count({ where: { targetType: "SESSION", targetId: { not: s1.id } } })).toBe(0);

    // Merging keeps the figures and leaves one row per key.
    await mergeRubricCounts(project.id, { force: true });
    await expectSame(lead, project);
    const rows = await db.annotationRubricCount.findMany({ where: { projectId: project.id } });
    expect(rows.every((r) => r.merged && r.n > 0)).toBe(true);

    // A deleted project takes its rollup along.
    await db.project.delete({ where: { id: other.id } });
    expect(await prisma.annotationRubricCount.count({ where: { projectId: other.id } })).toBe(0);
  }, 120_000);

  it("serves a reader who sees every value, without a reviewer filter, with whole-day bounds; the others read live", () => {
    const lead = { userId: null, seesAll: true };
    expect(rubricRollupServes(lead, parseDashboardFilters({ from: "2026-11-20", to: "2026-11-27" }))).toBe(true);
    expect(rubricRollupServes(lead, parseDashboardFilters({ from: "2026-11-20T12:00:00Z" }))).toBe(false);
    expect(rubricRollupServes(lead, parseDashboardFilters({ reviewer: "6f1c1f8e-7d1a-4a57-9a55-5d1b9b3c2f10" }))).toBe(false);
    expect(rubricRollupServes({ userId: "u", seesAll: false }, parseDashboardFilters({}))).toBe(false);
  });
});
