import { createClient } from "@arizeai/phoenix-client";
import * as sessions from "@arizeai/phoenix-client/sessions";
import * as spans from "@arizeai/phoenix-client/spans";
import * as traces from "@arizeai/phoenix-client/traces";
import { expect, test } from "@playwright/test";
import { createKeyInSettings, ingestWorld, type World } from "./phoenix-fixtures";

// The real @arizeai/phoenix-client against the production server: every
// annotation, note and read function it has for spans, traces and sessions,
// each checked by reading back what was stored.
test.describe.configure({ mode: "serial" });

let client: ReturnType<typeof createClient>;
let world: World;
let baseUrl: string;

test.beforeAll(async ({ browser, baseURL }) => {
  baseUrl = baseURL!;
  const key = await createKeyInSettings(browser, baseUrl);
  // Passing headers drops the client's PHOENIX_API_KEY handling: the bearer goes in by hand.
  client = createClient({ options: { baseUrl, headers: { Authorization: `Bearer ${key}` } } });
  world = await ingestWorld(baseUrl, key);
});

type Row = { id: string; name: string; identifier: string; result: { label: string | null; score: number | null; explanation: string | null } };
const project = () => ({ projectName: world.project });

async function spanRows(spanId: string): Promise<Row[]> {
  const { annotations } = await spans.getSpanAnnotations({ client, project: project(), spanIds: [spanId], limit: 1000 });
  return annotations as Row[];
}
async function traceRows(): Promise<Row[]> {
  const { data, error } = await client.GET("/v1/projects/{project_identifier}/trace_annotations", {
    params: { path: { project_identifier: world.project }, query: { trace_ids: [world.traceId], limit: 1000 } },
  });
  if (error) throw new Error(JSON.stringify(error));
  return (data?.data ?? []) as Row[];
}
async function sessionRows(): Promise<Row[]> {
  const { data, error } = await client.GET("/v1/projects/{project_identifier}/session_annotations", {
    params: { path: { project_identifier: world.project }, query: { session_ids: [world.sessionId], limit: 1000 } },
  });
  if (error) throw new Error(JSON.stringify(error));
  return (data?.data ?? []) as Row[];
}
const pick = (rows: Row[], name: string) =>
  rows.filter((r) => r.name === name).map((r) => [r.identifier, r.result.label, r.result.score, r.result.explanation]).sort();

test("span annotations: add, log, overwrite by identifier, two identifiers side by side", async () => {
  const add = (label: string, identifier?: string) => spans.addSpanAnnotation({
    client, sync: true,
    spanAnnotation: { spanId: world.rootId, name: "correctness", label, score: label === "correct" ? 1 : 0, annotatorKind: "HUMAN", identifier, metadata: { by: "e2e" } },
  });
  const first = await add("correct", "alice");
  expect(first?.id).toMatch(/^\d+$/);
  expect((await add("incorrect", "alice"))?.id).toBe(first?.id);
  const other = await add("correct", "bob");
  expect(other?.id).not.toBe(first?.id);
  await add("correct"); // the empty identifier is a key of its own

  const logged = await spans.logSpanAnnotations({
    client, sync: true,
    spanAnnotations: [
      { spanId: world.rootId, name: "helpfulness", score: 0.25, annotatorKind: "LLM", explanation: "terse" },
      { spanId: world.retrieverId, name: "helpfulness", label: "ok", annotatorKind: "CODE" },
    ],
  });
  expect(logged.map((r) => r.id)).toHaveLength(2);
  // Without sync the server answers no ids, but the write still happens.
  expect(await spans.addSpanAnnotation({ client, spanAnnotation: { spanId: world.rootId, name: "tone", label: "warm" } })).toBeNull();

  const rows = await spanRows(world.rootId);
  expect(pick(rows, "correctness")).toEqual([["", "correct", 1, null], ["alice", "incorrect", 0, null], ["bob", "correct", 1, null]]);
  expect(pick(rows, "helpfulness")).toEqual([["", null, 0.25, "terse"]]);
  expect(pick(rows, "tone")).toEqual([["", "warm", null, null]]);
  expect(rows.find((r) => r.id === first?.id)).toMatchObject({ annotator_kind: "HUMAN", metadata: { by: "e2e" }, source: "API", span_id: world.rootId });
  expect(pick(await spanRows(world.retrieverId), "helpfulness")).toEqual([["", "ok", null, null]]);

  const filtered = await spans.getSpanAnnotations({ client, project: project(), spanIds: [world.rootId], includeAnnotationNames: ["tone"] });
  expect(filtered.annotations.map((r) => r.name)).toEqual(["tone"]);
  const paged = await spans.getSpanAnnotations({ client, project: project(), spanIds: [world.rootId], limit: 2 });
  expect(paged.annotations).toHaveLength(2);
  expect(paged.nextCursor).toBeTruthy();
});

test("span notes accumulate, or overwrite under one identifier", async () => {
  const first = await spans.addSpanNote({ client, spanNote: { spanId: world.rootId, note: "first look" } });
  const second = await spans.addSpanNote({ client, spanNote: { spanId: world.rootId, note: "second look" } });
  expect(second.id).not.toBe(first.id);
  const mine = await spans.addSpanNote({ client, spanNote: { spanId: world.rootId, note: "draft", identifier: "mine" } });
  expect((await spans.addSpanNote({ client, spanNote: { spanId: world.rootId, note: "final", identifier: "mine" } })).id).toBe(mine.id);
  const notes = (await spanRows(world.rootId)).filter((r) => r.name === "note");
  expect(notes.map((n) => n.result.explanation).sort()).toEqual(["final", "first look", "second look"]);
  expect(notes.filter((n) => n.identifier.startsWith("px-span-note:"))).toHaveLength(2);
});

test("document annotations by position", async () => {
  const one = await spans.addDocumentAnnotation({
    client, sync: true,
    documentAnnotation: { spanId: world.retrieverId, documentPosition: 0, name: "relevance", label: "relevant", score: 1, annotatorKind: "LLM" },
  });
  expect(one?.id).toMatch(/^\d+$/);
  const logged = await spans.logDocumentAnnotations({
    client, sync: true,
    documentAnnotations: [
      { spanId: world.retrieverId, documentPosition: 0, name: "relevance", label: "irrelevant", score: 0 },
      { spanId: world.retrieverId, documentPosition: 2, name: "relevance", explanation: "off topic" },
    ],
  });
  expect(logged[0].id).toBe(one?.id);
  await expect(spans.addDocumentAnnotation({
    client, sync: true, documentAnnotation: { spanId: world.retrieverId, documentPosition: 3, name: "relevance", score: 1 },
  })).rejects.toThrow();
  const response = await fetch(`${baseUrl}/v1/projects/${world.project}/document_annotations?span_ids=${world.retrieverId}`, {
    headers: client.config.headers as Record<string, string>,
  });
  const { data } = (await response.json()) as { data: (Row & { document_position: number })[] };
  expect(data.map((r) => [r.document_position, r.result.label, r.result.score, r.result.explanation]).sort()).toEqual([
    [0, "irrelevant", 0, null], [2, null, null, "off topic"],
  ]);
});

test("trace annotations and notes", async () => {
  const add = (label: string, identifier: string) => traces.addTraceAnnotation({
    client, sync: true, traceAnnotation: { traceId: world.traceId, name: "resolution", label, annotatorKind: "HUMAN", identifier },
  });
  const first = await add("resolved", "alice");
  expect((await add("unresolved", "alice"))?.id).toBe(first?.id);
  await add("resolved", "bob");
  const logged = await traces.logTraceAnnotations({
    client, sync: true, traceAnnotations: [{ traceId: world.traceId, name: "latency_ok", score: 1, annotatorKind: "CODE" }],
  });
  expect(logged).toHaveLength(1);
  await traces.addTraceNote({ client, traceNote: { traceId: world.traceId, note: "escalate" } });
  const mine = await traces.addTraceNote({ client, traceNote: { traceId: world.traceId, note: "v1", identifier: "mine" } });
  expect((await traces.addTraceNote({ client, traceNote: { traceId: world.traceId, note: "v2", identifier: "mine" } })).id).toBe(mine.id);

  const rows = await traceRows();
  expect(pick(rows, "resolution")).toEqual([["alice", "unresolved", null, null], ["bob", "resolved", null, null]]);
  expect(pick(rows, "latency_ok")).toEqual([["", null, 1, null]]);
  expect(rows.filter((r) => r.name === "note").map((r) => r.result.explanation).sort()).toEqual(["escalate", "v2"]);
});

test("session annotations and notes", async () => {
  const add = (score: number, identifier: string) => sessions.addSessionAnnotation({
    client, sync: true, sessionAnnotation: { sessionId: world.sessionId, name: "satisfaction", score, annotatorKind: "HUMAN", identifier },
  });
  const first = await add(0.2, "alice");
  expect((await add(0.9, "alice"))?.id).toBe(first?.id);
  await add(0.5, "bob");
  await sessions.logSessionAnnotations({
    client, sync: true, sessionAnnotations: [{ sessionId: world.sessionId, name: "goal_met", label: "yes", annotatorKind: "LLM" }],
  });
  await sessions.addSessionNote({ client, sessionNote: { sessionId: world.sessionId, note: "long wait" } });
  const mine = await sessions.addSessionNote({ client, sessionNote: { sessionId: world.sessionId, note: "a", identifier: "mine" } });
  expect((await sessions.addSessionNote({ client, sessionNote: { sessionId: world.sessionId, note: "b", identifier: "mine" } })).id).toBe(mine.id);

  const rows = await sessionRows();
  expect(pick(rows, "satisfaction")).toEqual([["alice", null, 0.9, null], ["bob", null, 0.5, null]]);
  expect(pick(rows, "goal_met")).toEqual([["", "yes", null, null]]);
  expect(rows.filter((r) => r.name === "note").map((r) => r.result.explanation).sort()).toEqual(["b", "long wait"]);
});

test("a write to an unknown span fails the whole batch", async () => {
  await expect(spans.logSpanAnnotations({
    client, sync: true,
    spanAnnotations: [
      { spanId: world.rootId, name: "batch", label: "x" },
      { spanId: "ffffffffffffffff", name: "batch", label: "y" },
    ],
  })).rejects.toThrow();
  expect(pick(await spanRows(world.rootId), "batch")).toEqual([]);
});

test("projects, spans, traces and sessions read back through the client", async () => {
  const { data: projects } = await client.GET("/v1/projects");
  const listed = projects?.data.find((p) => p.name === world.project);
  expect(listed?.id).toBeTruthy();
  // The id /v1/projects hands out works wherever a project name does.
  const byId = await spans.getSpanAnnotations({ client, project: { projectId: listed!.id }, spanIds: [world.rootId], limit: 1000 });
  expect(byId.annotations.length).toBe((await spanRows(world.rootId)).length);

  const { spans: found } = await spans.getSpans({ client, project: project(), traceIds: [world.traceId] });
  expect(found.map((s) => s.context.span_id).sort()).toEqual([world.rootId, world.retrieverId].sort());
  const { traces: listedTraces } = await traces.getTraces({ client, project: project() });
  expect(listedTraces.map((t) => t.trace_id)).toContain(world.traceId);
  const all = await sessions.listSessions({ client, projectName: world.project });
  expect(all.map((s) => s.sessionId)).toContain(world.sessionId);
  const session = await sessions.getSession({ client, sessionId: world.sessionId });
  expect(session.sessionId).toBe(world.sessionId);
});
