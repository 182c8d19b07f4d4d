import { describe, expect, it } from "vitest";
import { POST as postDocuments } from "@/app/v1/document_annotations/route";
import { GET as getDocumentAnnotations } from "@/app/v1/projects/[project]/document_annotations/route";
import { GET as getSessionAnnotations } from "@/app/v1/projects/[project]/session_annotations/route";
import { GET as getSpanAnnotations } from "@/app/v1/projects/[project]/span_annotations/route";
import { GET as getTraceAnnotations } from "@/app/v1/projects/[project]/trace_annotations/route";
import { POST as postSessionNotes } from "@/app/v1/session_notes/route";
import { POST as postSessions } from "@/app/v1/session_annotations/route";
import { POST as postSpanNotes } from "@/app/v1/span_notes/route";
import { POST as postSpans } from "@/app/v1/span_annotations/route";
import { POST as postTraceNotes } from "@/app/v1/trace_notes/route";
import { POST as postTraces } from "@/app/v1/trace_annotations/route";
import { projectGlobalId } from "@/lib/api/project-param";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

const db = useTestDatabase();
const json = async (response: Response) => ({ status: response.status, body: await response.json() });

describe("annotation writes", () => {
  it("answers ids in input order with sync=true, [] otherwise, and upserts on (name, identifier)", async () => {
    const w = await apiWorld();
    const label = (span: string, name: string, value: string, identifier?: string) =>
      ({ span_id: span, name, annotator_kind: "LLM", result: { label: value }, metadata: null, identifier });
    const first = await json(await call(postSpans, { path: "/v1/span_annotations?sync=true", key: w.reviewer.key, body: {
      data: [label(w.root.spanId, "a", "1"), label(w.llm.spanId, "b", "2"), label(w.root.spanId, "a", "3", "other")],
    } }));
    expect(first.status).toBe(200);
    const ids = first.body.data.map((d: { id: string }) => d.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);

    const async = await json(await call(postSpans, { path: "/v1/span_annotations", key: w.reviewer.key, body: { data: [label(w.root.spanId, "a", "4")] } }));
    expect(async).toEqual({ status: 200, body: { data: [] } });
    const rows = await db.annotation.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [String(r.id), r.name, r.identifier, r.label, r.source])).toEqual([
      [ids[0], "a", "", "4", "API"], [ids[1], "b", "", "2", "API"], [ids[2], "a", "other", "3", "API"],
    ]);
  });

  it("writes trace, session and document annotations and the three kinds of notes", async () => {
    const w = await apiWorld();
    const key = w.reviewer.key;
    const result = { score: 0.5, explanation: "fine" };
    expect((await call(postTraces, { path: "/v1/trace_annotations?sync=true", key, body: { data: [{ trace_id: w.traceId, name: "t", annotator_kind: "HUMAN", result }] } })).status).toBe(200);
    expect((await call(postSessions, { path: "/v1/session_annotations?sync=true", key, body: { data: [{ session_id: w.sessionId, name: "s", annotator_kind: "CODE", result }] } })).status).toBe(200);
    const docs = await json(await call(postDocuments, { path: "/v1/document_annotations?sync=true", key, body: {
      data: [0, 2].map((position) => ({ span_id: w.retriever.spanId, document_position: position, name: "relevance", annotator_kind: "LLM", result, identifier: "" })),
    } }));
    expect(docs.body.data).toHaveLength(2);
    const notes = await Promise.all([
      call(postSpanNotes, { path: "/v1/span_notes", key, body: { data: { span_id: w.root.spanId, note: "span note" } } }),
      call(postTraceNotes, { path: "/v1/trace_notes", key, body: { data: { trace_id: w.traceId, note: "trace note" } } }),
      call(postSessionNotes, { path: "/v1/session_notes", key, body: { data: { session_id: w.sessionId, note: "session note", identifier: "mine" } } }),
    ].map(async (r) => json(await r)));
    for (const note of notes) expect(note).toMatchObject({ status: 200, body: { data: { id: expect.stringMatching(/^\d+$/) } } });
    const stored = await db.annotation.findMany({ where: { name: "note" }, select: { targetType: true, identifier: true, explanation: true } });
    expect(stored.map((n) => n.targetType).sort()).toEqual(["SESSION", "SPAN", "TRACE"]);
    expect(stored.find((n) => n.targetType === "SESSION")?.identifier).toBe("mine");
  });
});

describe("annotation reads", () => {
  async function seeded() {
    const w = await apiWorld();
    const key = w.reviewer.key;
    const data = ["correctness", "helpfulness", "tone"].flatMap((name, i) => [
      { span_id: w.root.spanId, name, annotator_kind: "HUMAN", result: { label: `root-${i}`, score: i }, metadata: { i } },
      { span_id: w.llm.spanId, name, annotator_kind: "LLM", result: { label: `llm-${i}` }, identifier: "judge" },
    ]);
    await call(postSpans, { path: "/v1/span_annotations", key, body: { data } });
    await call(postSpanNotes, { path: "/v1/span_notes", key, body: { data: { span_id: w.root.spanId, note: "look again" } } });
    return w;
  }
  const read = (w: { reviewer: { key: string } }, handler: unknown, project: string, query: string) =>
    call(handler, { path: `/v1/projects/${project}/x?${query}`, key: w.reviewer.key, params: { project } }).then(json);

  it("returns Phoenix's row shape, notes included, by project name or GlobalID", async () => {
    const w = await seeded();
    const byName = await read(w, getSpanAnnotations, "default", `span_ids=${w.root.spanId}&limit=100`);
    expect(byName.status).toBe(200);
    expect(byName.body.next_cursor).toBeNull();
    expect(byName.body.data.map((r: { name: string }) => r.name)).toEqual(["note", "tone", "helpfulness", "correctness"]);
    expect(byName.body.data[1]).toEqual({
      id: expect.stringMatching(/^\d+$/), created_at: expect.any(String), updated_at: expect.any(String), source: "API",
      user_id: w.reviewer.actor.userId, name: "tone", annotator_kind: "HUMAN",
      result: { label: "root-2", score: 2, explanation: null }, metadata: { i: 2 }, identifier: "", span_id: w.root.spanId,
    });
    const project = await db.project.findUniqueOrThrow({ where: { name: "default" } });
    const byId = await read(w, getSpanAnnotations, projectGlobalId(project.id), `span_ids=${w.root.spanId}&limit=100`);
    expect(byId.body).toEqual(byName.body);
  });

  it("filters by identifier and names, and pages with a cursor", async () => {
    const w = await seeded();
    const ids = `span_ids=${w.root.spanId}&span_ids=${w.llm.spanId}`;
    const judged = await read(w, getSpanAnnotations, "default", `identifier=judge&limit=100`);
    expect(judged.body.data.map((r: { result: { label: string } }) => r.result.label)).toEqual(["llm-2", "llm-1", "llm-0"]);
    const some = await read(w, getSpanAnnotations, "default", `${ids}&include_annotation_names=tone&include_annotation_names=note&limit=100`);
    expect(some.body.data.map((r: { name: string }) => r.name)).toEqual(["note", "tone", "tone"]);
    const noNotes = await read(w, getSpanAnnotations, "default", `${ids}&exclude_annotation_names=note&limit=100`);
    expect(noNotes.body.data).toHaveLength(6);

    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await read(w, getSpanAnnotations, "default", `${ids}&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((r: { id: string }) => r.id));
      cursor = page.body.next_cursor;
    }
    expect(seen).toHaveLength(7);
    expect(seen).toEqual([...seen].sort((a, b) => Number(b) - Number(a)));
  });

  it("answers 404 when none of the ids are in the project, and [] when some are", async () => {
    const w = await seeded();
    await ingestSpans(ragTrace({ project: "elsewhere", start: new Date("2026-11-21T10:00:00Z") }));
    const missing = await read(w, getSpanAnnotations, "elsewhere", `span_ids=${w.root.spanId}`);
    expect(missing).toEqual({ status: 404, body: expect.objectContaining({ detail: "None of the given span IDs exist in project elsewhere." }) });
    const unknownProject = await read(w, getSpanAnnotations, "nowhere", `span_ids=${w.root.spanId}`);
    expect(unknownProject.status).toBe(404);
    const partly = await read(w, getSpanAnnotations, "default", `span_ids=${w.retriever.spanId}&span_ids=ffffffffffffffff`);
    expect(partly).toEqual({ status: 200, body: { data: [], next_cursor: null } });
    const neither = await read(w, getSpanAnnotations, "default", "limit=5");
    expect(neither).toMatchObject({ status: 422, body: { detail: "Invalid request: span_ids needs span_ids or identifier" } });
  });

  it("reads trace, session and document annotations", async () => {
    const w = await apiWorld();
    const key = w.reviewer.key;
    await call(postTraces, { path: "/v1/trace_annotations", key, body: { data: [{ trace_id: w.traceId, name: "t", annotator_kind: "HUMAN", result: { label: "x" } }] } });
    await call(postSessions, { path: "/v1/session_annotations", key, body: { data: [{ session_id: w.sessionId, name: "s", annotator_kind: "HUMAN", result: { score: 1 } }] } });
    await call(postDocuments, { path: "/v1/document_annotations", key, body: { data: [{ span_id: w.retriever.spanId, document_position: 1, name: "relevance", annotator_kind: "LLM", result: { score: 0.2 } }] } });
    const traces = await read(w, getTraceAnnotations, "default", `trace_ids=${w.traceId}`);
    expect(traces.body.data).toEqual([expect.objectContaining({ name: "t", trace_id: w.traceId, result: { label: "x", score: null, explanation: null } })]);
    const sessions = await read(w, getSessionAnnotations, "default", `session_ids=${w.sessionId}`);
    expect(sessions.body.data).toEqual([expect.objectContaining({ name: "s", session_id: w.sessionId })]);
    const docs = await read(w, getDocumentAnnotations, "default", `span_ids=${w.retriever.spanId}`);
    expect(docs.body.data).toEqual([expect.objectContaining({ name: "relevance", span_id: w.retriever.spanId, document_position: 1 })]);
    // Span reads leave document annotations out, as Phoenix keeps them apart.
    expect((await read(w, getSpanAnnotations, "default", `span_ids=${w.retriever.spanId}`)).body.data).toEqual([]);
  });
});
