import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { Prisma } from "@/lib/generated/prisma/client";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { annotationReader, hiddenAnnotationIds, visibleAnnotation, type AnnotationReader } from "./blind-review";
import { saveReviewAnnotation } from "./save-review-annotation";

const db = useTestDatabase();
const password = "correct horse battery";

async function setUp() {
  await ingestSpans(ragTrace({ project: "support-bot", start: new Date("2026-11-20T10:00:00Z") }));
  await seedDemoRubrics(db, "support-bot");
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD", email: string) => actorForUser(await createUser(admin, { name: email, email, password, role }));
  const trace = await db.trace.findFirstOrThrow();
  return { trace, a: await user("REVIEWER", "a@t.dev"), b: await user("REVIEWER", "b@t.dev"), lead: await user("LEAD", "l@t.dev") };
}

const label = (traceId: string, name: string, value: string) => ({
  target: "TRACE" as const,
  item: { name, annotator_kind: "HUMAN" as const, trace_id: traceId, result: { label: value } },
});

// What the SQL rule lets `reader` see, as "name:label" of each visible row.
async function visibleTo(reader: AnnotationReader) {
  const rows = await db.$queryRaw<{ name: string; label: string | null }[]>`
    SELECT a.name, coalesce(a.label, a.score::text) AS label FROM annotations a WHERE ${visibleAnnotation(Prisma.sql`a`, reader)} ORDER BY 1, 2`;
  return rows.map((r) => `${r.name}:${r.label}`);
}

describe("blind review rule", () => {
  it("sees everything when blind review is off, or for a lead", async () => {
    const { a, lead } = await setUp();
    expect(annotationReader(a, { blindReview: false })).toEqual({ userId: a.userId, seesAll: true });
    expect(annotationReader(lead, { blindReview: true })).toEqual({ userId: lead.userId, seesAll: true });
    expect(annotationReader(a, { blindReview: true })).toEqual({ userId: a.userId, seesAll: false });
    expect(annotationReader({ ...a, kind: "system-key", userId: null }, { blindReview: true }).seesAll).toBe(false);
  });

  it("shows another reviewer's value only on a target and rubric the reader has submitted", async () => {
    const { trace, a, b } = await setUp();
    await saveReviewAnnotation(a, label(trace.traceId, "correctness", "correct"));
    await saveReviewAnnotation(a, { target: "TRACE", item: { name: "helpfulness", annotator_kind: "HUMAN", trace_id: trace.traceId, result: { score: 7 } } });
    const readerB = annotationReader(b, { blindReview: true });
    expect(await visibleTo(readerB)).toEqual([]);

    await saveReviewAnnotation(b, label(trace.traceId, "correctness", "incorrect"));
    // b now sees a's correctness (same rubric, same target) but not a's tone.
    expect(await visibleTo(readerB)).toEqual(["correctness:correct", "correctness:incorrect"]);
    expect(await visibleTo(annotationReader(a, { blindReview: true }))).toEqual(["correctness:correct", "correctness:incorrect", "helpfulness:7"]);
    expect(await visibleTo({ userId: null, seesAll: false })).toEqual([]);
    expect(await visibleTo({ userId: null, seesAll: true })).toHaveLength(3);

    // The in-memory form agrees with the SQL.
    const rows = await db.annotation.findMany();
    const hidden = hiddenAnnotationIds(rows, readerB);
    expect(rows.filter((r) => hidden.has(r.id)).map((r) => `${r.name}:${r.score}`)).toEqual(["helpfulness:7"]);
  });

  it("never hides notes (the trace page shows everyone's)", async () => {
    const { trace, a, b } = await setUp();
    await db.annotation.create({
      data: { projectId: trace.projectId, targetType: "TRACE", targetId: trace.id, traceRowId: trace.id, name: "note", explanation: "look", userId: a.userId, identifier: "n" },
    });
    expect(await visibleTo(annotationReader(b, { blindReview: true }))).toEqual(["note:null"]);
  });
});
