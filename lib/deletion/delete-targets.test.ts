import { describe, expect, it } from "vitest";
import { toGlobalId } from "@/lib/api/global-id";
import type { Actor } from "@/lib/auth/permissions";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { writeNote } from "@/lib/annotations/notes";
import { upsertAnnotations } from "@/lib/annotations/upsert-annotations";
import type { AnnotationTarget } from "@/lib/generated/prisma/enums";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { deleteSession, deleteSessions, deleteSpan, deleteTrace } from "./delete-targets";

const db = useTestDatabase();
const password = "correct horse battery";
const t0 = new Date("2026-11-20T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

// Project "support-bot": traces a, b in session s-1 and c in s-2; project "other": d in s-9.
async function world() {
  const a = ragTrace({ project: "support-bot", start: at(0), sessionId: "s-1", input: "first question", output: "first answer" });
  const b = ragTrace({ project: "support-bot", start: at(5), sessionId: "s-1", input: "second question", output: "second answer" });
  const c = ragTrace({ project: "support-bot", start: at(10), sessionId: "s-2" });
  const d = ragTrace({ project: "other", start: at(0), sessionId: "s-9" });
  await ingestSpans([...a, ...b, ...c, ...d]);
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "LEAD" | "REVIEWER" | "VIEWER") =>
    actorForUser(await createUser(admin, { name: role, email: `${role.toLowerCase()}@t.dev`, password, role }));
  return { a, b, c, d, admin, lead: await user("LEAD"), reviewer: await user("REVIEWER"), viewer: await user("VIEWER") };
}

const annotate = (actor: Actor, target: AnnotationTarget, externalId: string, name: string, documentPosition?: number) =>
  upsertAnnotations(actor, target, [{ target, externalId, documentPosition, name, label: "ok", annotatorKind: "HUMAN", identifier: "" }], "API");

/** On every kind of target of a trace's spans, its trace and its session: annotations and notes, by the reviewer. */
async function annotateAll(actor: Actor, spans: ReturnType<typeof ragTrace>, sessionId: string) {
  const [root, retriever] = spans;
  await annotate(actor, "SPAN", root.spanId, "correctness");
  await annotate(actor, "SPAN", retriever.spanId, "correctness");
  await annotate(actor, "DOCUMENT", retriever.spanId, "relevance", 0);
  await annotate(actor, "TRACE", root.traceId, "correctness");
  await annotate(actor, "SESSION", sessionId, "resolved");
  await writeNote(actor, "SPAN", retriever.spanId, "odd docs", { source: "API" });
  await writeNote(actor, "TRACE", root.traceId, "slow", { source: "API" });
  await writeNote(actor, "SESSION", sessionId, "long chat", { source: "API" });
}

const counts = async () => ({
  spans: await db.span.count(), traces: await db.trace.count(), sessions: await db.session.count(),
  annotations: await db.annotation.count(), history: await db.annotationHistory.count(),
});
const history = () => db.annotationHistory.findMany({
  select: { action: true, targetType: true, name: true, replacedById: true }, orderBy: { id: "asc" },
});
const session = (sessionId: string) => db.session.findUnique({
  where: { sessionId }, select: { traceCount: true, startTime: true, endTime: true, firstInput: true, lastOutput: true },
});

describe("deleting spans", () => {
  it("deletes one span (not its children), its annotations, document annotations and notes into history with the actor, and refreshes the trace", async () => {
    const w = await world();
    await annotateAll(w.reviewer, w.a, "s-1");
    const [root, retriever, llm] = w.a;

    await deleteSpan(w.lead, retriever.spanId);

    expect(await db.span.findUnique({ where: { spanId: retriever.spanId } })).toBeNull();
    const trace = await db.trace.findUniqueOrThrow({ where: { traceId: root.traceId } });
    expect(trace.spanCount).toBe(2);
    const byName = (x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name);
    expect((await history()).sort(byName)).toEqual([
      { action: "DELETE", targetType: "SPAN", name: "correctness", replacedById: w.lead.userId },
      { action: "DELETE", targetType: "SPAN", name: "note", replacedById: w.lead.userId },
      { action: "DELETE", targetType: "DOCUMENT", name: "relevance", replacedById: w.lead.userId },
    ]);
    // The root's annotation, the trace's and the session's stay.
    expect(await db.annotation.count({ where: { traceRowId: trace.id } })).toBe(3);

    // The root goes, its child stays orphaned and becomes the trace's root; tokens still count the LLM span.
    await deleteSpan(w.lead, toGlobalId("Span", (await db.span.findUniqueOrThrow({ where: { spanId: root.spanId } })).id));
    const after = await db.trace.findUniqueOrThrow({ where: { traceId: root.traceId } });
    expect(after).toMatchObject({ spanCount: 1, rootSpanId: llm.spanId, rootSpanName: "generate_answer", totalTokens: 100 });
    expect(await db.span.findUniqueOrThrow({ where: { spanId: llm.spanId }, select: { parentSpanId: true } })).toEqual({ parentSpanId: root.spanId });
  });

  it("deletes the trace with its last span, and the session with its last trace (as Phoenix does), all annotations to history", async () => {
    const w = await world();
    await annotateAll(w.reviewer, w.c, "s-2");
    for (const span of w.c) await deleteSpan(w.lead, span.spanId);

    expect(await db.trace.findUnique({ where: { traceId: w.c[0].traceId } })).toBeNull();
    expect(await session("s-2")).toBeNull();
    expect(await db.annotation.count()).toBe(0);
    // Span annotations, document annotation, span note; trace annotation and note; session annotation and note.
    expect((await history()).map((row) => `${row.action} ${row.targetType} ${row.replacedById === w.lead.userId}`).sort()).toEqual([
      "DELETE DOCUMENT true", "DELETE SESSION true", "DELETE SESSION true", "DELETE SPAN true", "DELETE SPAN true", "DELETE SPAN true",
      "DELETE TRACE true", "DELETE TRACE true",
    ]);
    expect(await session("s-1")).toMatchObject({ traceCount: 2 });
  });
});

describe("deleting traces", () => {
  it("deletes a trace by OTel id or GlobalID with its spans and annotations, and refreshes its session", async () => {
    const w = await world();
    await annotateAll(w.reviewer, w.a, "s-1");
    await annotateAll(w.reviewer, w.b, "s-1");
    const before = await counts();

    await deleteTrace(w.lead, w.a[0].traceId);

    expect(await counts()).toEqual({
      ...before, spans: before.spans - 3, traces: before.traces - 1,
      // Per trace: two span annotations, a document one, a span note, a trace annotation and a trace note.
      annotations: before.annotations - 6, history: before.history + 6,
    });
    expect(await session("s-1")).toMatchObject({ traceCount: 1, startTime: at(5), firstInput: "second question", lastOutput: "second answer" });
    // (The second annotateAll overwrote s-1's "resolved": one UPDATE row, by the reviewer.)
    const deletes = (await history()).filter((row) => row.action === "DELETE");
    expect(deletes.map((row) => row.replacedById)).toEqual(Array(6).fill(w.lead.userId));

    const b = await db.trace.findUniqueOrThrow({ where: { traceId: w.b[0].traceId } });
    await deleteTrace(w.admin, toGlobalId("Trace", b.id));
    expect(await db.trace.count({ where: { id: b.id } })).toBe(0);
    // Its last trace gone, the session goes too, with its annotation and its two notes.
    expect(await session("s-1")).toBeNull();
    expect(await db.annotation.count({ where: { targetType: "SESSION" } })).toBe(0);
    expect(await session("s-2")).toMatchObject({ traceCount: 1 });
  });
});

describe("deleting sessions", () => {
  it("deletes a session with its traces, spans, annotations and notes, by session id or GlobalID; other sessions and projects untouched", async () => {
    const w = await world();
    await annotateAll(w.reviewer, w.a, "s-1");
    await annotateAll(w.reviewer, w.c, "s-2");
    await annotateAll(w.reviewer, w.d, "s-9");

    await deleteSession(w.lead, "s-1");

    expect(await db.session.findUnique({ where: { sessionId: "s-1" } })).toBeNull();
    expect(await db.trace.count({ where: { traceId: { in: [w.a[0].traceId, w.b[0].traceId] } } })).toBe(0);
    expect(await db.span.count({ where: { spanId: { in: [...w.a, ...w.b].map((s) => s.spanId) } } })).toBe(0);
    // All eight of trace a's and s-1's rows went to history; s-2's and s-9's are still there.
    expect(await db.annotationHistory.count({ where: { action: "DELETE", replacedById: w.lead.userId } })).toBe(8);
    expect(await db.annotation.count()).toBe(16);
    expect(await session("s-2")).toMatchObject({ traceCount: 1 });
    expect(await db.span.count({ where: { spanId: { in: [...w.c, ...w.d].map((s) => s.spanId) } } })).toBe(6);

    const s2 = await db.session.findUniqueOrThrow({ where: { sessionId: "s-2" } });
    await deleteSession(w.admin, toGlobalId("ProjectSession", s2.id));
    expect(await db.session.count({ where: { sessionId: "s-2" } })).toBe(0);
    expect(await db.annotation.count()).toBe(8);
  });

  it("deletes sessions in bulk, all by session id or all by GlobalID, skipping unknown ones; a mixed or empty list changes nothing", async () => {
    const w = await world();
    const s9 = await db.session.findUniqueOrThrow({ where: { sessionId: "s-9" } });
    const before = await counts();
    await expect(deleteSessions(w.lead, ["s-1", toGlobalId("ProjectSession", s9.id)])).rejects.toThrow(UnprocessableError);
    expect(await counts()).toEqual(before);

    expect(await deleteSessions(w.lead, ["s-1", "s-2", "no-such-session", "s-1"])).toEqual({ deleted: 2 });
    expect((await db.session.findMany({ select: { sessionId: true } })).map((s) => s.sessionId)).toEqual(["s-9"]);
    expect(await db.trace.count()).toBe(1);

    expect(await deleteSessions(w.lead, [toGlobalId("ProjectSession", s9.id), toGlobalId("ProjectSession", 999)])).toEqual({ deleted: 1 });
    expect(await counts()).toMatchObject({ spans: 0, traces: 0, sessions: 0 });
    expect(await deleteSessions(w.lead, ["gone"])).toEqual({ deleted: 0 });
  });
});

describe("who may delete, and what is not there", () => {
  it("refuses reviewers and viewers (403) and changes nothing; an unknown target is a 404 naming it", async () => {
    const w = await world();
    await annotateAll(w.reviewer, w.a, "s-1");
    const before = await counts();
    for (const actor of [w.reviewer, w.viewer]) {
      await expect(deleteSpan(actor, w.a[1].spanId)).rejects.toThrow(ForbiddenError);
      await expect(deleteTrace(actor, w.a[0].traceId)).rejects.toThrow(ForbiddenError);
      await expect(deleteSession(actor, "s-1")).rejects.toThrow(ForbiddenError);
      await expect(deleteSessions(actor, ["s-1"])).rejects.toThrow(ForbiddenError);
    }
    await expect(deleteSpan(w.reviewer, w.a[1].spanId)).rejects.toThrow("Your role (reviewer) may not delete traces, spans or sessions.");
    await expect(deleteSpan(w.lead, "0123456789abcdef")).rejects.toThrow(new NotFoundError("Span 0123456789abcdef does not exist."));
    await expect(deleteTrace(w.lead, toGlobalId("Trace", 999))).rejects.toThrow(`Trace ${toGlobalId("Trace", 999)} does not exist.`);
    // A GlobalID of another type is not a row id of this one.
    await expect(deleteTrace(w.lead, toGlobalId("Span", 1))).rejects.toThrow(NotFoundError);
    await expect(deleteSession(w.lead, "nope")).rejects.toThrow("Session nope does not exist.");
    expect(await counts()).toEqual(before);
  });
});
