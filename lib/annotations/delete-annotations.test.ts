import { describe, expect, it } from "vitest";
import { DELETE as deleteSpanAnnotations } from "@/app/v1/projects/[project]/span_annotations/route";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { ForbiddenError, UnprocessableError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { apiWorld, call } from "@/tests/api/api-fixtures";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { deleteAnnotations } from "./delete-annotations";
import { writeNote } from "./notes";
import { upsertAnnotations, type AnnotationWrite } from "./upsert-annotations";

const db = useTestDatabase();
const password = "correct horse battery";

async function setUp() {
  const spans = ragTrace({ start: new Date("2026-11-20T10:00:00Z"), sessionId: "s-1" });
  const elsewhere = ragTrace({ project: "other", start: new Date("2026-11-20T10:00:00Z"), sessionId: "s-2" });
  await ingestSpans([...spans, ...elsewhere]);
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD" | "VIEWER", email: string) =>
    actorForUser(await createUser(admin, { name: email, email, password, role }));
  const project = async (name: string) => db.project.findUniqueOrThrow({ where: { name }, select: { id: true } });
  return {
    root: spans[0], retriever: spans[1], otherRoot: elsewhere[0],
    project: await project("default"), other: await project("other"),
    a: await user("REVIEWER", "a@t.dev"), b: await user("REVIEWER", "b@t.dev"),
    lead: await user("LEAD", "lead@t.dev"), viewer: await user("VIEWER", "v@t.dev"),
  };
}

const span = (spanId: string, name: string, identifier = "", annotatorKind: "HUMAN" | "LLM" | "CODE" = "HUMAN"): AnnotationWrite => ({
  target: "SPAN", externalId: spanId, name, label: "x", annotatorKind, identifier,
});

const remaining = async () =>
  (await db.annotation.findMany({ select: { targetType: true, name: true, identifier: true }, orderBy: { id: "asc" } }))
    .map((r) => `${r.targetType}:${r.name}:${r.identifier}`);

// Moves rows' created_at (an update: the trigger keeps an UPDATE version, which tests below leave out).
const createdAt = (id: number, at: string) => db.$executeRaw`UPDATE annotations SET created_at = ${new Date(at)} WHERE id = ${id}`;

describe("deleteAnnotations", () => {
  it("narrows by name, identifier and annotator kind, ANDed, within one target kind", async () => {
    const { root, retriever, project, lead } = await setUp();
    await upsertAnnotations(lead, "SPAN", [
      span(root.spanId, "correctness", "run-1", "LLM"), span(root.spanId, "correctness", "run-2", "LLM"),
      span(retriever.spanId, "correctness", "run-1", "CODE"), span(root.spanId, "tone", "run-1", "LLM"),
    ], "API");
    await upsertAnnotations(lead, "TRACE", [{ ...span(root.traceId, "correctness", "run-1", "LLM"), target: "TRACE" }], "API");
    await upsertAnnotations(lead, "DOCUMENT", [{ ...span(retriever.spanId, "correctness", "run-1", "LLM"), target: "DOCUMENT", documentPosition: 0 }], "API");

    expect(await deleteAnnotations(lead, project, "SPAN", { deleteAll: true, name: "correctness", identifier: "run-1", annotatorKind: "LLM" })).toBe(1);
    expect(await remaining()).toEqual([
      "SPAN:correctness:run-2", "SPAN:correctness:run-1", "SPAN:tone:run-1", "TRACE:correctness:run-1", "DOCUMENT:correctness:run-1",
    ]);
    expect(await deleteAnnotations(lead, project, "SPAN", { deleteAll: true, identifier: "run-1" })).toBe(2);
    // Trace and document annotations are not span annotations.
    expect(await remaining()).toEqual(["SPAN:correctness:run-2", "TRACE:correctness:run-1", "DOCUMENT:correctness:run-1"]);
    expect(await deleteAnnotations(lead, project, "SPAN", { deleteAll: true, name: "nothing-by-this-name" })).toBe(0);
  });

  it("deletes within [start_time, end_time) of created_at", async () => {
    const { root, project, lead } = await setUp();
    const ids = await upsertAnnotations(lead, "SPAN", ["r10", "r11", "r12"].map((n) => span(root.spanId, n)), "API");
    await createdAt(ids[0], "2026-11-21T10:00:00Z");
    await createdAt(ids[1], "2026-11-21T11:59:59.999Z");
    await createdAt(ids[2], "2026-11-21T12:00:00Z");
    const window = { startTime: new Date("2026-11-21T10:00:00Z"), endTime: new Date("2026-11-21T12:00:00Z") };
    expect(await deleteAnnotations(lead, project, "SPAN", window)).toBe(2);
    expect(await remaining()).toEqual(["SPAN:r12:"]);
  });

  it("needs both times or delete_all, and start before end; refused requests delete nothing", async () => {
    const { root, project, lead } = await setUp();
    await upsertAnnotations(lead, "SPAN", [span(root.spanId, "correctness")], "API");
    const t = (iso: string) => new Date(iso);
    for (const filter of [{}, { name: "correctness" }, { startTime: t("2026-01-01T00:00:00Z") }, { endTime: t("2030-01-01T00:00:00Z") }, { deleteAll: false }]) {
      const error = await deleteAnnotations(lead, project, "SPAN", filter).catch((e) => e);
      expect(error).toBeInstanceOf(UnprocessableError);
      expect(error.fieldErrors).toEqual({ delete_all: ["must be true unless both start_time and end_time are given"] });
    }
    const same = t("2026-11-21T10:00:00Z");
    for (const deleteAll of [false, true]) {
      await expect(deleteAnnotations(lead, project, "SPAN", { startTime: same, endTime: same, deleteAll }))
        .rejects.toThrow("Invalid request: start_time must be strictly earlier than end_time");
    }
    // A half-bounded window with delete_all is allowed and bounds the delete on its side.
    expect(await deleteAnnotations(lead, project, "SPAN", { deleteAll: true, startTime: t("2100-01-01T00:00:00Z") })).toBe(0);
    expect(await db.annotation.count()).toBe(1);
    expect(await db.annotationHistory.count()).toBe(0);
  });

  it("keeps every deleted row in history, with the deleter", async () => {
    const { root, project, a, lead } = await setUp();
    const [mine] = await upsertAnnotations(a, "SPAN", [span(root.spanId, "correctness", a.identifier)], "API");
    const [theirs] = await upsertAnnotations(lead, "SPAN", [span(root.spanId, "correctness", "run-1")], "API");
    expect(await deleteAnnotations(lead, project, "SPAN", { deleteAll: true })).toBe(2);
    const history = await db.annotationHistory.findMany({
      select: { annotationId: true, action: true, replacedById: true, userId: true, name: true, label: true }, orderBy: { annotationId: "asc" },
    });
    expect(history).toEqual([
      { annotationId: mine, action: "DELETE", replacedById: lead.userId, userId: a.userId, name: "correctness", label: "x" },
      { annotationId: theirs, action: "DELETE", replacedById: lead.userId, userId: lead.userId, name: "correctness", label: "x" },
    ]);
  });

  it("refuses a reviewer whose filter matches another's row (403, nothing deleted), and deletes their own", async () => {
    const { root, project, a, b } = await setUp();
    await upsertAnnotations(a, "SPAN", [span(root.spanId, "correctness", a.identifier)], "API");
    await upsertAnnotations(b, "SPAN", [span(root.spanId, "correctness", b.identifier)], "API");
    await expect(deleteAnnotations(a, project, "SPAN", { deleteAll: true, name: "correctness" })).rejects.toThrow(ForbiddenError);
    expect(await db.annotation.count()).toBe(2);
    expect(await db.annotationHistory.count()).toBe(0);

    expect(await deleteAnnotations(a, project, "SPAN", { deleteAll: true, identifier: a.identifier })).toBe(1);
    expect(await remaining()).toEqual([`SPAN:correctness:${b.identifier}`]);
  });

  it("lets a lead delete others' rows, and refuses a viewer", async () => {
    const { root, project, a, b, lead, viewer } = await setUp();
    await upsertAnnotations(a, "SPAN", [span(root.spanId, "correctness", a.identifier)], "API");
    await upsertAnnotations(b, "SESSION", [{ ...span("s-1", "satisfaction", b.identifier), target: "SESSION" }], "API");
    await expect(deleteAnnotations(viewer, project, "SPAN", { deleteAll: true })).rejects.toThrow("Your role (viewer) may not annotate.");
    expect(await deleteAnnotations(lead, project, "SESSION", { deleteAll: true })).toBe(1);
    expect(await deleteAnnotations(lead, project, "SPAN", { deleteAll: true })).toBe(1);
    expect(await db.annotation.count()).toBe(0);
  });

  it("includes notes (Phoenix keeps them in the same tables): name=note deletes only notes", async () => {
    const { root, project, a } = await setUp();
    await upsertAnnotations(a, "TRACE", [{ ...span(root.traceId, "correctness"), target: "TRACE" }], "API");
    await writeNote(a, "TRACE", root.traceId, "odd answer", { source: "API" });
    await writeNote(a, "SPAN", root.spanId, "look here", { source: "API" });
    expect(await deleteAnnotations(a, project, "TRACE", { deleteAll: true, name: "note" })).toBe(1);
    expect((await remaining()).map((r) => r.replace(/:px-span-note:.*/, ":px-span-note"))).toEqual(["TRACE:correctness:", "SPAN:note:px-span-note"]);
    expect(await deleteAnnotations(a, project, "SPAN", { deleteAll: true })).toBe(1);
    expect(await db.annotationHistory.count({ where: { action: "DELETE", name: "note" } })).toBe(2);
  });

  it("leaves other projects alone", async () => {
    const { root, otherRoot, project, other, lead } = await setUp();
    await upsertAnnotations(lead, "SPAN", [span(root.spanId, "correctness"), span(otherRoot.spanId, "correctness")], "API");
    expect(await deleteAnnotations(lead, project, "SPAN", { deleteAll: true })).toBe(1);
    const left = await db.annotation.findMany({ select: { projectId: true } });
    expect(left).toEqual([{ projectId: other.id }]);
  });
});

describe("DELETE /v1/projects/{project}/span_annotations", () => {
  it("answers 204 with no body, reads naive times as UTC, and is idempotent", async () => {
    const world = await apiWorld();
    const [id] = await upsertAnnotations(world.lead.actor, "SPAN", [span(world.root.spanId, "correctness")], "API");
    await createdAt(id, "2026-11-21T10:00:00Z");
    const send = (query: string) => call(deleteSpanAnnotations, {
      method: "DELETE", path: `/v1/projects/default/span_annotations?${query}`, key: world.lead.key, params: { project: "default" },
    });
    // 10:00 UTC is outside [10:00:01, 11:00) read as UTC, whatever the server's time zone.
    const outside = await send("start_time=2026-11-21T10:00:01&end_time=2026-11-21T11:00:00");
    expect(outside.status).toBe(204);
    expect(await db.annotation.count()).toBe(1);
    const inside = await send("start_time=2026-11-21T10:00:00&end_time=2026-11-21T10:00:00.001&name=correctness");
    expect(inside.status).toBe(204);
    expect(await inside.text()).toBe("");
    expect(inside.headers.get("x-phoenix-server-version")).toBe("20.3.0");
    expect(await db.annotation.count()).toBe(0);
    expect((await send("delete_all=True")).status).toBe(204);
  });

  it("compares microsecond bounds exactly with millisecond created_at (Python clients send microseconds)", async () => {
    const world = await apiWorld();
    const [id] = await upsertAnnotations(world.lead.actor, "SPAN", [span(world.root.spanId, "correctness")], "API");
    await createdAt(id, "2026-11-21T10:00:00.123Z");
    const send = (query: string) => call(deleteSpanAnnotations, {
      method: "DELETE", path: `/v1/projects/default/span_annotations?${query}`, key: world.lead.key, params: { project: "default" },
    });
    // 10:00:00.123 is before an inclusive start of .123001: kept.
    expect((await send("start_time=2026-11-21T10:00:00.123001&end_time=2026-11-21T11:00:00")).status).toBe(204);
    expect(await db.annotation.count()).toBe(1);
    // …and before an exclusive end of .123001: deleted.
    expect((await send("start_time=2026-11-21T10:00:00&end_time=2026-11-21T10:00:00.123001%2B00:00")).status).toBe(204);
    expect(await db.annotation.count()).toBe(0);
  });
});
