import { describe, expect, it } from "vitest";
import { POST as postDocuments } from "@/app/v1/document_annotations/route";
import { POST as postSessions } from "@/app/v1/session_annotations/route";
import { POST as postSpanNotes } from "@/app/v1/span_notes/route";
import { POST as postSpans } from "@/app/v1/span_annotations/route";
import { POST as postTraces } from "@/app/v1/trace_annotations/route";
import { GET as getSpanAnnotations } from "@/app/v1/projects/[project]/span_annotations/route";
import { MAX_BODY_BYTES } from "@/lib/api/handler";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

const db = useTestDatabase();

// Every row of the table, to show a refused request changed nothing.
const snapshot = () => db.$queryRaw<unknown[]>`SELECT * FROM annotations ORDER BY id`;

type World = Awaited<ReturnType<typeof apiWorld>>;
type Case = { name: string; status: number; message: string | RegExp; send: (w: World) => Promise<Response> };

const item = (w: World, overrides: Record<string, unknown> = {}) => ({
  span_id: w.root.spanId, name: "correctness", annotator_kind: "HUMAN", result: { label: "correct" }, ...overrides,
});
const spans = (w: World, body: unknown, key = w.reviewer.key) => call(postSpans, { path: "/v1/span_annotations?sync=true", key, body: body as object });

const cases: Case[] = [
  { name: "malformed JSON", status: 400, message: "Request body is not valid JSON.",
    send: (w) => spans(w, '{"data": [') },
  { name: "data not a list", status: 422, message: /^Invalid request: data /, send: (w) => spans(w, { data: item(w) }) },
  { name: "name of the wrong type", status: 422, message: /^Invalid request: data\.0\.name /,
    send: (w) => spans(w, { data: [item(w, { name: 7 })] }) },
  { name: "score as a string", status: 422, message: "Invalid request: data.0.result.score must be a finite number",
    send: (w) => spans(w, { data: [item(w, { result: { score: "1e999" } })] }) },
  { name: "score too large for a double (1e400 parses to Infinity)", status: 422,
    message: "Invalid request: data.0.result.score must be a finite number",
    send: (w) => spans(w, `{"data":[{"span_id":"${w.root.spanId}","name":"q","annotator_kind":"HUMAN","result":{"score":1e400}}]}`) },
  { name: "no label, score or explanation", status: 422, message: /data\.0\.result needs at least one of/,
    send: (w) => spans(w, { data: [item(w, { result: { label: null } })] }) },
  { name: "unknown annotator_kind", status: 422, message: "Invalid request: data.0.annotator_kind must be one of HUMAN, LLM, CODE",
    send: (w) => spans(w, { data: [item(w, { annotator_kind: "ROBOT" })] }) },
  { name: "the reserved name note", status: 400, message: /^Annotation name "note" is reserved/,
    send: (w) => spans(w, { data: [item(w), item(w, { name: "note" })] }) },
  { name: "sync neither true nor false", status: 422, message: "Invalid request: sync must be true or false",
    send: (w) => call(postSpans, { path: "/v1/span_annotations?sync=maybe", key: w.reviewer.key, body: { data: [item(w)] } }) },
  { name: "unknown spans, named in order", status: 404, message: "Spans with IDs 00000000000000aa, 00000000000000bb do not exist.",
    send: (w) => spans(w, { data: [item(w), item(w, { span_id: "00000000000000aa" }), item(w, { span_id: "00000000000000bb" })] }) },
  { name: "unknown trace", status: 404, message: "Traces with IDs 0123456789abcdef0123456789abcdef do not exist.",
    send: (w) => call(postTraces, { path: "/v1/trace_annotations", key: w.reviewer.key,
      body: { data: [{ trace_id: "0123456789abcdef0123456789abcdef", name: "q", annotator_kind: "LLM", result: { score: 1 } }] } }) },
  { name: "unknown session", status: 404, message: "Sessions with IDs no-such-session do not exist.",
    send: (w) => call(postSessions, { path: "/v1/session_annotations", key: w.reviewer.key,
      body: { data: [{ session_id: "no-such-session", name: "q", annotator_kind: "LLM", result: { score: 1 } }] } }) },
  { name: "document position past the last document", status: 422, message: /^Document position 3 is out of range .* \(it has 3 documents\)\.$/,
    send: (w) => call(postDocuments, { path: "/v1/document_annotations", key: w.reviewer.key,
      body: { data: [{ span_id: w.retriever.spanId, document_position: 3, name: "relevance", annotator_kind: "HUMAN", result: { score: 1 } }] } }) },
  { name: "identifier on a document annotation", status: 422, message: "Document annotations do not take an identifier.",
    send: (w) => call(postDocuments, { path: "/v1/document_annotations", key: w.reviewer.key,
      body: { data: [{ span_id: w.retriever.spanId, document_position: 0, name: "relevance", annotator_kind: "HUMAN", result: { score: 1 }, identifier: "mine" }] } }) },
  { name: "empty note", status: 422, message: "Invalid request: data.note must not be empty",
    send: (w) => call(postSpanNotes, { path: "/v1/span_notes", key: w.reviewer.key, body: { data: { span_id: w.root.spanId, note: "  " } } }) },
  { name: "note on an unknown span", status: 404, message: "Spans with IDs 00000000000000cc do not exist.",
    send: (w) => call(postSpanNotes, { path: "/v1/span_notes", key: w.reviewer.key, body: { data: { span_id: "00000000000000cc", note: "hm" } } }) },
  { name: "body over the size limit", status: 413, message: "Request body is larger than 20 MiB.",
    send: (w) => spans(w, `{"data":[${" ".repeat(MAX_BODY_BYTES)}]}`) },
  { name: "more than 1000 ids in a read", status: 422, message: "Invalid request: span_ids must list at most 1000 ids",
    send: (w) => {
      const ids = Array.from({ length: 1001 }, (_, i) => `span_ids=${i.toString(16).padStart(16, "0")}`).join("&");
      return call(getSpanAnnotations, { path: `/v1/projects/default/span_annotations?${ids}`, key: w.reviewer.key, params: { project: "default" } });
    } },
  { name: "no bearer key", status: 401, message: "Missing API key: send Authorization: Bearer <key>.",
    send: (w) => spans(w, { data: [item(w)] }, "") },
  { name: "an unknown key", status: 401, message: "Invalid or revoked API key.", send: (w) => spans(w, { data: [item(w)] }, "mg_not-a-key") },
  { name: "a revoked key", status: 401, message: "Invalid or revoked API key.", send: (w) => spans(w, { data: [item(w)] }, w.revokedKey) },
  { name: "a viewer's key", status: 403, message: "Your role (viewer) may not annotate.",
    send: (w) => spans(w, { data: [item(w)] }, w.viewer.key) },
];

describe("annotation routes refuse bad input and change nothing", () => {
  it.each(cases)("$name → $status", async ({ status, message, send }) => {
    const world = await apiWorld();
    // One stored annotation, so "unchanged" is more than "still empty".
    const ok = await spans(world, { data: [item(world, { result: { label: "kept" } })] });
    expect(ok.status).toBe(200);
    const before = await snapshot();

    const response = await send(world);
    const text = await response.text();
    const detail = response.headers.get("content-type")?.includes("json") ? JSON.parse(text).detail : text;
    expect({ status: response.status, detail }).toMatchObject({ status, detail: expect.stringMatching(typeof message === "string" ? `^${escape(message)}$` : message) });
    expect(response.headers.get("x-phoenix-server-version")).toBe("20.3.0");
    expect(await snapshot()).toEqual(before);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
