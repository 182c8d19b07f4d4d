import { describe, expect, it } from "vitest";
import { POST as postDocuments } from "@/app/v1/document_annotations/route";
import { POST as postSessions } from "@/app/v1/session_annotations/route";
import { POST as postSpanNotes } from "@/app/v1/span_notes/route";
import { POST as postSpans } from "@/app/v1/span_annotations/route";
import { POST as postTraces } from "@/app/v1/trace_annotations/route";
import { GET as getSpanAnnotations } from "@/app/v1/projects/[project]/span_annotations/route";
import { MAX_BODY_BYTES } from "@/lib/api/handler";
import { useTestDatabase } from "@/tests/setup/database";
import {
  call, itRefuses, LONE_HIGH, LONE_LOW, NUL, NUL_MESSAGE, SURROGATE_MESSAGE, type Case, type World,
} from "./bad-input-fixtures";

// The annotation write routes (and the first note and read cases); the other
// routes' tables are in bad-input-notes, -configs, -reads and -otlp.
const db = useTestDatabase({ reset: "manual" });

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

// Every string field of every target, with what Postgres cannot store.
type Target = { label: string; route: unknown; path: string; item: (w: World, extra?: Record<string, unknown>) => Record<string, unknown> };
const targets: Target[] = [
  { label: "span", route: postSpans, path: "/v1/span_annotations", item: (w, extra) => item(w, extra) },
  { label: "trace", route: postTraces, path: "/v1/trace_annotations",
    item: (w, extra) => ({ trace_id: w.traceId, name: "q", annotator_kind: "LLM", result: { score: 1 }, ...extra }) },
  { label: "session", route: postSessions, path: "/v1/session_annotations",
    item: (w, extra) => ({ session_id: w.sessionId, name: "q", annotator_kind: "CODE", result: { label: "ok" }, ...extra }) },
  { label: "document", route: postDocuments, path: "/v1/document_annotations",
    item: (w, extra) => ({ span_id: w.retriever.spanId, document_position: 0, name: "relevance", annotator_kind: "HUMAN", result: { score: 1 }, ...extra }) },
];
const idKey: Record<string, string> = { span: "span_id", trace: "trace_id", session: "session_id", document: "span_id" };
const post = (t: Target, w: World, body: unknown, key = w.reviewer.key) =>
  call(t.route, { path: `${t.path}?sync=true`, key, body: body as object });

const fieldsOf = (t: Target): [string, (bad: string) => Record<string, unknown>][] => [
  ["name", (bad) => ({ name: `q${bad}` })],
  ["result.label", (bad) => ({ result: { label: `ok${bad}` } })],
  ["result.explanation", (bad) => ({ result: { score: 1, explanation: `because${bad}` } })],
  ["identifier", (bad) => ({ identifier: `me${bad}` })],
  [idKey[t.label], (bad) => ({ [idKey[t.label]]: `x${bad}` })],
  ["metadata.source", (bad) => ({ metadata: { source: `x${bad}` } })],
  ["metadata.list.1", (bad) => ({ metadata: { list: ["fine", `x${bad}`] } })],
];

const unstorableCases: Case[] = targets.flatMap((t) => [
  ...fieldsOf(t).map(([field, withBad]): Case => ({
    name: `${t.label}: NUL in ${field}`, status: 422, message: `Invalid request: data.0.${field} ${NUL_MESSAGE}`,
    send: (w) => post(t, w, { data: [t.item(w, withBad(NUL))] }),
  })),
  { name: `${t.label}: NUL in a metadata key`, status: 422, message: `Invalid request: data.0.metadata."a\\u0000b" key ${NUL_MESSAGE}`,
    send: (w) => post(t, w, { data: [t.item(w, { metadata: { [`a${NUL}b`]: 1 } })] }) },
  { name: `${t.label}: lone high surrogate in name`, status: 422, message: `Invalid request: data.0.name ${SURROGATE_MESSAGE}`,
    // JSON.stringify writes a lone surrogate as its escape (\ud800), as a hostile client would.
    send: (w) => post(t, w, { data: [t.item(w, { name: `q${LONE_HIGH}` })] }) },
  { name: `${t.label}: lone low surrogate in metadata`, status: 422, message: `Invalid request: data.0.metadata.note ${SURROGATE_MESSAGE}`,
    send: (w) => post(t, w, { data: [t.item(w, { metadata: { note: `x${LONE_LOW}y` } })] }) },
  { name: `${t.label}: NUL in the second item only`, status: 422, message: `Invalid request: data.1.name ${NUL_MESSAGE}`,
    send: (w) => post(t, w, { data: [t.item(w), t.item(w, { name: `b${NUL}` })] }) },
  { name: `${t.label}: a viewer's key with an invalid body`, status: 403, message: "Your role (viewer) may not annotate.",
    send: (w) => post(t, w, { data: "nope" }, w.viewer.key) },
]);

const doc = (w: World, extra: Record<string, unknown>) => ({ data: [targets[3].item(w, extra)] });
const fieldCases: Case[] = [
  { name: "document_position 2^31", status: 422, message: "Invalid request: data.0.document_position must be at most 2147483647",
    send: (w) => post(targets[3], w, doc(w, { document_position: 2 ** 31 })) },
  { name: "document_position 1e20", status: 422, message: "Invalid request: data.0.document_position must be at most 2147483647",
    send: (w) => post(targets[3], w, doc(w, { document_position: 1e20 })) },
  { name: "document_position -1", status: 422, message: "Invalid request: data.0.document_position must be at least 0",
    send: (w) => post(targets[3], w, doc(w, { document_position: -1 })) },
  { name: "document_position 1.5", status: 422, message: "Invalid request: data.0.document_position must be an integer",
    send: (w) => post(targets[3], w, doc(w, { document_position: 1.5 })) },
  { name: "document_position as a string", status: 422, message: "Invalid request: data.0.document_position must be an integer",
    send: (w) => post(targets[3], w, doc(w, { document_position: "0" })) },
  { name: "document_position missing", status: 422, message: "Invalid request: data.0.document_position is required",
    send: (w) => post(targets[3], w, doc(w, { document_position: undefined })) },
  { name: "a 201-character name", status: 422, message: "Invalid request: data.0.name must be at most 200 characters",
    send: (w) => spans(w, { data: [item(w, { name: "n".repeat(201) })] }) },
  { name: "a numeric name", status: 422, message: "Invalid request: data.0.name must be a string",
    send: (w) => spans(w, { data: [item(w, { name: 7 })] }) },
  { name: "no name", status: 422, message: "Invalid request: data.0.name is required",
    send: (w) => spans(w, { data: [item(w, { name: undefined })] }) },
  { name: "a blank name", status: 422, message: "Invalid request: data.0.name must not be empty",
    send: (w) => spans(w, { data: [item(w, { name: "   " })] }) },
  { name: "a 1001-character label", status: 422, message: "Invalid request: data.0.result.label must be at most 1000 characters",
    send: (w) => spans(w, { data: [item(w, { result: { label: "l".repeat(1001) } })] }) },
  { name: "a numeric label", status: 422, message: "Invalid request: data.0.result.label must be a string",
    send: (w) => spans(w, { data: [item(w, { result: { label: 1 } })] }) },
  { name: "a 201-character identifier", status: 422, message: "Invalid request: data.0.identifier must be at most 200 characters",
    send: (w) => spans(w, { data: [item(w, { identifier: "i".repeat(201) })] }) },
  { name: "a 65-character span_id", status: 422, message: "Invalid request: data.0.span_id must be at most 64 characters",
    send: (w) => spans(w, { data: [item(w, { span_id: "a".repeat(65) })] }) },
  { name: "a numeric trace_id", status: 422, message: "Invalid request: data.0.trace_id must be a string",
    send: (w) => post(targets[1], w, { data: [targets[1].item(w, { trace_id: 12 })] }) },
  { name: "a 501-character session_id", status: 422, message: "Invalid request: data.0.session_id must be at most 500 characters",
    send: (w) => post(targets[2], w, { data: [targets[2].item(w, { session_id: "s".repeat(501) })] }) },
  { name: "score as a boolean", status: 422, message: "Invalid request: data.0.result.score must be a finite number",
    send: (w) => spans(w, { data: [item(w, { result: { score: true } })] }) },
  { name: "result as a string", status: 422, message: "Invalid request: data.0.result must be an object",
    send: (w) => spans(w, { data: [item(w, { result: "correct" })] }) },
  { name: "metadata as a list", status: 422, message: "Invalid request: data.0.metadata must be an object",
    send: (w) => spans(w, { data: [item(w, { metadata: [1, 2] })] }) },
  { name: "metadata nested 33 levels", status: 422, message: "Invalid request: data.0.metadata must be nested at most 32 levels deep",
    send: (w) => spans(w, { data: [item(w, { metadata: nested(33) })] }) },
  { name: "metadata over 64 KiB", status: 422, message: "Invalid request: data.0.metadata must be at most 64 KiB as JSON",
    send: (w) => spans(w, { data: [item(w, { metadata: { blob: "m".repeat(64 * 1024) } })] }) },
  { name: "a body nested 100 levels (in metadata)", status: 422, message: "Invalid request: data.0.metadata.a.a.a… is nested deeper than 64 levels",
    send: (w) => spans(w, { data: [item(w, { metadata: nested(100) })] }) },
  { name: "JSON nested 100000 levels", status: 422, message: "Invalid request: data.0.0.0.0.0… is nested deeper than 64 levels",
    send: (w) => spans(w, `{"data":${"[".repeat(100_000)}${"]".repeat(100_000)}}`) },
  { name: "no data", status: 422, message: "Invalid request: data is required", send: (w) => spans(w, {}) },
  { name: "a JSON array as the body", status: 422, message: "Invalid request: body must be an object", send: (w) => spans(w, []) },
  { name: "JSON null as the body", status: 422, message: "Invalid request: body must be an object", send: (w) => spans(w, "null") },
  { name: "NUL in the sync parameter", status: 422, message: `Invalid request: sync ${NUL_MESSAGE}`,
    send: (w) => call(postSpans, { path: "/v1/span_annotations?sync=%00", key: w.reviewer.key, body: { data: [item(w)] } }) },
  { name: "a viewer's key on an unknown span", status: 403, message: "Your role (viewer) may not annotate.",
    send: (w) => spans(w, { data: [item(w, { span_id: "00000000000000dd" })] }, w.viewer.key) },
];

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

describe("annotation routes refuse bad input and change nothing", () => {
  itRefuses(db, cases);
});

describe("every string field of every annotation target refuses what Postgres cannot store", () => {
  itRefuses(db, unstorableCases);
});

describe("annotation fields are checked in wire terms", () => {
  itRefuses(db, fieldCases);
});
