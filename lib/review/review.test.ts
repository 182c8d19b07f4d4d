import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { ValidationError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { writeNote } from "@/lib/annotations/notes";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { deleteOwnNote, editOwnNote, notesOnTrace } from "./notes";
import { deleteOwnAnnotation, saveReviewAnnotation } from "./save-review-annotation";
import { annotationsOnTargets } from "./target-annotations";

const db = useTestDatabase();
const password = "correct horse battery";

async function setUp() {
  const spans = ragTrace({ project: "support-bot", start: new Date("2026-11-20T10:00:00Z"), sessionId: "s-1" });
  await ingestSpans(spans);
  await seedDemoRubrics(db, "support-bot");
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD", email: string) => actorForUser(await createUser(admin, { name: email, email, password, role }));
  const project = await db.project.findUniqueOrThrow({ where: { name: "support-bot" } });
  const trace = await db.trace.findFirstOrThrow();
  return { spans, project, trace, a: await user("REVIEWER", "a@t.dev"), b: await user("REVIEWER", "b@t.dev"), lead: await user("LEAD", "l@t.dev") };
}

const correctness = (traceId: string, label: string) => ({
  target: "TRACE" as const,
  item: { name: "correctness", annotator_kind: "HUMAN" as const, trace_id: traceId, result: { label } },
});
const helpfulness = (traceId: string, score: number) => ({
  target: "TRACE" as const,
  item: { name: "helpfulness", annotator_kind: "HUMAN" as const, trace_id: traceId, result: { score } },
});

describe("rubric validation", () => {
  it("refuses a label that is not in the rubric, with a field error, writing nothing", async () => {
    const { trace, a } = await setUp();
    const error = await saveReviewAnnotation(a, correctness(trace.traceId, "great")).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.label[0]).toContain("must be one of correct, partially_correct, incorrect");
    expect(await db.annotation.count()).toBe(0);
  });

  it("refuses a score outside the bounds, writing nothing", async () => {
    const { trace, a } = await setUp();
    const error = await saveReviewAnnotation(a, helpfulness(trace.traceId, 11)).catch((e) => e);
    expect(error.fieldErrors).toEqual({ score: ["must be between 0 and 10"] });
    expect(await db.annotation.count()).toBe(0);
  });

  it("records a categorical label with its score, keyed by the reviewer's identifier, source APP", async () => {
    const { trace, a } = await setUp();
    await saveReviewAnnotation(a, correctness(trace.traceId, "partially_correct"));
    expect(await db.annotation.findFirstOrThrow()).toMatchObject({
      label: "partially_correct", score: 0.5, identifier: a.identifier, source: "APP", userId: a.userId,
    });
  });
});

describe("per-reviewer annotations", () => {
  it("keeps two reviewers apart; a reviewer's overwrite and clear go to history", async () => {
    const { trace, a, b } = await setUp();
    const id = await saveReviewAnnotation(a, correctness(trace.traceId, "correct"));
    await saveReviewAnnotation(b, correctness(trace.traceId, "incorrect"));
    await saveReviewAnnotation(a, correctness(trace.traceId, "partially_correct"));
    expect(await db.annotation.count()).toBe(2);
    await deleteOwnAnnotation(a, id);
    await expect(deleteOwnAnnotation(a, (await db.annotation.findFirstOrThrow()).id)).rejects.toThrow(/not yours/);
    const history = await db.annotationHistory.findMany({ where: { annotationId: id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.action, h.label])).toEqual([["UPDATE", "correct"], ["DELETE", "partially_correct"]]);
    expect(history[1].replacedById).toBe(a.userId);
  });

  it("hides others' values under blind review until the reader submits their own", async () => {
    const { project, trace, a, b, lead } = await setUp();
    await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
    const blindProject = { id: project.id, blindReview: true };
    await saveReviewAnnotation(a, correctness(trace.traceId, "correct"));
    const target = [{ targetType: "TRACE" as const, targetId: trace.id }];
    const before = await annotationsOnTargets(b, blindProject, target);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ hidden: true, label: null, score: null });
    expect((await annotationsOnTargets(lead, blindProject, target))[0]).toMatchObject({ hidden: false, label: "correct" });
    await saveReviewAnnotation(b, correctness(trace.traceId, "incorrect"));
    const after = await annotationsOnTargets(b, blindProject, target);
    expect(after.map((x) => [x.label, x.hidden]).sort()).toEqual([["correct", false], ["incorrect", false]]);
  });
});

describe("notes", () => {
  it("append in order on a trace and its spans; only the author edits or deletes, with history", async () => {
    const { spans, trace, a, b } = await setUp();
    await writeNote(a, "TRACE", trace.traceId, "first", { source: "APP" });
    await writeNote(b, "SPAN", spans[1].spanId, "second, on the retriever", { source: "APP" });
    await writeNote(a, "TRACE", trace.traceId, "third", { source: "APP" });
    const notes = await notesOnTrace(a, trace.id);
    expect(notes.map((n) => [n.text, n.mine])).toEqual([["first", true], ["second, on the retriever", false], ["third", true]]);
    expect(notes[1].spanName).toBe("retrieve_docs");
    await expect(editOwnNote(a, notes[1].id, "hijack")).rejects.toThrow(/not yours/);
    await editOwnNote(a, notes[0].id, "first, revised");
    await deleteOwnNote(a, notes[2].id);
    expect((await notesOnTrace(a, trace.id)).map((n) => n.text)).toEqual(["first, revised", "second, on the retriever"]);
    expect(await db.annotationHistory.count()).toBe(2);
  });
});
