import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { upsertAnnotations, type AnnotationWrite } from "./upsert-annotations";

// A single write takes its own statement (upsert-one-annotation.ts): it must
// answer exactly as the batch statement does for the same row.
const db = useTestDatabase();
const password = "correct horse battery";

async function setUp() {
  const spans = ragTrace({ start: new Date("2026-11-20T10:00:00Z"), sessionId: "s-1" });
  await ingestSpans(spans);
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const reviewer = actorForUser(await createUser(admin, { name: "r", email: "r@t.dev", password, role: "REVIEWER" }));
  return { root: spans[0], retriever: spans[1], reviewer };
}

const doc = (spanId: string, position: number | undefined): AnnotationWrite => ({
  target: "DOCUMENT", externalId: spanId, documentPosition: position, name: "relevance", score: 1, annotatorKind: "HUMAN",
});

// The error a call ends with, as class, status and message, to compare the two paths.
const failure = (promise: Promise<unknown>) =>
  promise.then(() => null, (error: Error & { status?: number }) => ({ type: error.constructor.name, status: error.status, message: error.message }));

describe("upsertAnnotations, one row", () => {
  it("refuses a document position out of range (or none) as a batch does, writing nothing", async () => {
    const { retriever, reviewer } = await setUp();
    for (const position of [3, -1, undefined]) {
      const one = await failure(upsertAnnotations(reviewer, "DOCUMENT", [doc(retriever.spanId, position)], "API"));
      // The same row in a batch (beside an in-range one), through the batch statement.
      const batch = await failure(upsertAnnotations(reviewer, "DOCUMENT", [doc(retriever.spanId, 0), doc(retriever.spanId, position)], "API"));
      expect(one).toEqual(batch);
      expect(one).toMatchObject({ status: 422 });
    }
    expect(await db.annotation.count()).toBe(0);
  });

  it("writes a document in range and overwrites it in place", async () => {
    const { retriever, reviewer } = await setUp();
    const [first] = await upsertAnnotations(reviewer, "DOCUMENT", [doc(retriever.spanId, 2)], "API");
    const [again] = await upsertAnnotations(reviewer, "DOCUMENT", [{ ...doc(retriever.spanId, 2), score: 0 }], "API");
    expect(again).toBe(first);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ documentPosition: 2, score: 0, userId: reviewer.userId });
    expect(await db.annotationHistory.count()).toBe(1);
  });

  it("names a missing target of each kind as a batch does", async () => {
    const { root, reviewer } = await setUp();
    for (const target of ["SPAN", "TRACE", "SESSION", "DOCUMENT"] as const) {
      const write: AnnotationWrite = { target, externalId: "nope", documentPosition: 0, name: "x", score: 1, annotatorKind: "CODE" };
      const present: AnnotationWrite = { ...write, externalId: target === "TRACE" ? root.traceId : target === "SESSION" ? "s-1" : root.spanId, name: "y" };
      const one = await failure(upsertAnnotations(reviewer, target, [write], "API"));
      const batch = await failure(upsertAnnotations(reviewer, target, [present, write], "API"));
      expect(one).toEqual(batch);
      expect(one).toMatchObject({ status: 404 });
    }
    expect(await db.annotation.count()).toBe(0);
  });

  it("stores every field as a batch does", async () => {
    const { root, reviewer } = await setUp();
    const write = (name: string): AnnotationWrite => ({
      target: "SPAN", externalId: root.spanId, name, label: "good", score: 0.25, explanation: "because",
      metadata: { model: "m", nested: { n: [1, 2] } }, annotatorKind: "LLM", identifier: "run-1",
    });
    const [one] = await upsertAnnotations(reviewer, "SPAN", [write("one")], "API");
    const [, batch] = await upsertAnnotations(reviewer, "SPAN", [write("other"), write("batch")], "API");
    const pick = ({ id: _id, name: _name, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;
    const rows = await db.annotation.findMany({ where: { id: { in: [one, batch] } }, orderBy: { id: "asc" } });
    expect(pick(rows[0])).toEqual(pick(rows[1]));
    expect(rows[0]).toMatchObject({ label: "good", score: 0.25, explanation: "because", annotatorKind: "LLM", identifier: "run-1", source: "API" });
  });
});
