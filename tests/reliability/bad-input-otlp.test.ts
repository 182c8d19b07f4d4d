import { beforeEach, describe, expect, it } from "vitest";
import { POST as postTraces } from "@/app/v1/traces/route";
import { hex } from "@/tests/fixtures/spans";
import { jsonRequest, protobufRequest, type SpanSpec } from "@/tests/fixtures/otlp-requests";
import { resetDatabase, useTestDatabase } from "@/tests/setup/database";
import { badInputWorld, call, itRefuses, LONE_HIGH, NUL, type Case, type World } from "./bad-input-fixtures";

// OTLP /v1/traces. Text Postgres cannot store is kept with U+FFFD (an exporter
// cannot fix a refused batch and would lose all of it); numbers that do not fit
// the 32-bit columns have no faithful replacement and refuse the whole request
// (lib/otlp/to-ingest-spans.ts). Either way: never a 500, never half a batch.
const db = useTestDatabase({ reset: "manual" });
const t0 = new Date("2026-11-20T12:00:00Z");
const PROTOBUF = "application/x-protobuf";

const spec = (attributes: SpanSpec["attributes"] = {}, overrides: Partial<SpanSpec> = {}): SpanSpec => ({
  traceId: hex(16), spanId: hex(8), name: "step", start: t0, end: new Date(t0.getTime() + 100),
  attributes: { "openinference.span.kind": "LLM", ...attributes }, ...overrides,
});
const otlp = (w: World, body: string, type = "application/json", key = w.reviewer.key) =>
  call(postTraces, { path: "/v1/traces", key, body, headers: { "content-type": type } });
// `call` sends text; protobuf goes as bytes.
const protobuf = (w: World, bytes: Uint8Array, key = w.reviewer.key) =>
  postTraces(new Request("http://marginalia.test/v1/traces", {
    method: "POST", body: new Uint8Array(bytes), headers: { "content-type": PROTOBUF, authorization: `Bearer ${key}` },
  }), { params: Promise.resolve({}) });
const json = (w: World, spans: SpanSpec[], resource = {}) => otlp(w, JSON.stringify(jsonRequest(spans, resource)));
// A first good span keeps the batch honest: refusing must drop it too.
const withGood = (bad: SpanSpec) => [spec(), bad];
const at = "resourceSpans.0.scopeSpans.0.spans.1";

function nestedKv(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { stringValue: "leaf" };
  for (let i = 0; i < levels; i++) value = { kvlistValue: { values: [{ key: "k", value }] } };
  return value;
}

const cases: Case[] = [
  { name: "a prompt token count of 1e12", status: 400,
    message: `Invalid request: ${at}.attributes.llm.token_count.prompt must be from 0 to 2147483647.`,
    send: (w) => json(w, withGood(spec({ "llm.token_count.prompt": 1e12 }))) },
  { name: "a completion token count of 2^31", status: 400,
    message: `Invalid request: ${at}.attributes.llm.token_count.completion must be from 0 to 2147483647.`,
    send: (w) => json(w, withGood(spec({ "llm.token_count.completion": 2 ** 31 }))) },
  { name: "a negative total token count", status: 400,
    message: `Invalid request: ${at}.attributes.llm.token_count.total must be from 0 to 2147483647.`,
    send: (w) => json(w, withGood(spec({ "llm.token_count.total": -5 }))) },
  { name: "a token count of 1e12 as a string", status: 400,
    message: `Invalid request: ${at}.attributes.llm.token_count.total must be from 0 to 2147483647.`,
    send: (w) => json(w, withGood(spec({ "llm.token_count.total": "1000000000000" }))) },
  { name: "a token count past 2^53 as an int64 string", status: 400,
    message: `Invalid request: ${at}.attributes.llm.token_count.prompt must be from 0 to 2147483647.`,
    send: (w) => {
      const body = jsonRequest(withGood(spec()));
      (body.resourceSpans[0].scopeSpans[0].spans[1].attributes as unknown[]).push({ key: "llm.token_count.prompt", value: { intValue: "90071992547409930000" } });
      return otlp(w, JSON.stringify(body));
    } },
  { name: "a token count of 1e12 in protobuf", status: 400,
    message: `Invalid request: ${at}.attributes.llm.token_count.prompt must be from 0 to 2147483647.`,
    send: (w) => protobuf(w, protobufRequest(withGood(spec({ "llm.token_count.prompt": 1e12 })))) },
  { name: "retrieval document index 3e9", status: 400,
    message: `Invalid request: ${at}.attributes.retrieval.documents.3000000000.document.content has a document index above 2147483646.`,
    send: (w) => json(w, withGood(spec({ "openinference.span.kind": "RETRIEVER", "retrieval.documents.3000000000.document.content": "far" }))) },
  { name: "retrieval document index 2^31-1 in protobuf", status: 400,
    message: `Invalid request: ${at}.attributes.retrieval.documents.2147483647.document.id has a document index above 2147483646.`,
    send: (w) => protobuf(w, protobufRequest(withGood(spec({ "retrieval.documents.2147483647.document.id": "d" })))) },
  { name: "JSON nested 100000 levels", status: 400, message: "Invalid request: resourceSpans.0.scopeSpans.0.spans.0… is nested deeper than 256 levels",
    send: (w) => otlp(w, `{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":${"[".repeat(100_000)}${"]".repeat(100_000)}}]}]}]}`) },
  { name: "an attribute nested 40 kvlists deep", status: 400, message: /^Attribute deep(\.k)+ is nested deeper than 32 levels\.$/,
    send: (w) => {
      const body = jsonRequest(withGood(spec()));
      (body.resourceSpans[0].scopeSpans[0].spans[1].attributes as unknown[]).push({ key: "deep", value: nestedKv(40) });
      return otlp(w, JSON.stringify(body));
    } },
  { name: "malformed JSON", status: 400, message: "Request body is not valid JSON.", send: (w) => otlp(w, '{"resourceSpans": [') },
  { name: "a trace id of the wrong length", status: 400, message: `${at}.traceId must be 16 bytes (32 hex characters).`,
    send: (w) => json(w, withGood(spec({}, { traceId: "abc" }))) },
  { name: "spans not a list", status: 400, message: "Invalid request: resourceSpans.0.scopeSpans.0.spans must be a list",
    send: (w) => otlp(w, '{"resourceSpans":[{"scopeSpans":[{"spans":{}}]}]}') },
  { name: "garbage protobuf", status: 400, message: /^Request body is not a valid OTLP ExportTraceServiceRequest \(protobuf\): /,
    send: (w) => protobuf(w, new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f])) },
  { name: "an unsupported content type", status: 415, message: "Unsupported content type text/plain: send application/x-protobuf or application/json.",
    send: (w) => otlp(w, "{}", "text/plain") },
  { name: "a viewer's key", status: 403, message: "Your role (viewer) may not send traces.",
    send: (w) => otlp(w, JSON.stringify(jsonRequest([spec()])), "application/json", w.viewer.key) },
];

describe("OTLP export refuses numbers it cannot store, and writes nothing", () => {
  itRefuses(db, cases);
});

describe("OTLP export keeps text Postgres cannot store, with U+FFFD in its place", () => {
  beforeEach(() => resetDatabase(db)); // these cases write
  const stored = (spanId: string) =>
    db.span.findUniqueOrThrow({ where: { spanId }, select: { name: true, statusMessage: true, attributes: true, events: true, project: { select: { name: true } } } });

  it.each([
    ["OTLP/JSON", "json"],
    ["protobuf", "protobuf"],
  ])("NUL and lone surrogates in names, keys, values and messages (%s)", async (_label, format) => {
    const w = await badInputWorld();
    const span = spec(
      { [`key${NUL}`]: "v", "input.value": `in${NUL}put`, "tag.tags": [`a${NUL}`, "b"], "output.value": `half ${LONE_HIGH} pair` },
      { name: `na${NUL}me`, status: { code: 2, message: `bro${NUL}ken` } },
    );
    const resource = { "openinference.project.name": `pro${NUL}ject` };
    const response = format === "json" ? await json(w, [span], resource) : await protobuf(w, protobufRequest([span], resource));
    expect(response.status).toBe(200);
    const row = await stored(span.spanId);
    expect(row).toMatchObject({
      name: "na\ufffdme", statusMessage: "bro\ufffdken", project: { name: "pro\ufffdject" },
      attributes: { "key\ufffd": "v", "input.value": "in\ufffdput", "tag.tags": ["a\ufffd", "b"] },
    });
    // protobuf carries UTF-8, which has no lone surrogates: the SDK's encoder
    // writes bytes that its decoder reads back as U+FFFD, one per byte.
    expect((row.attributes as Record<string, string>)["output.value"]).toMatch(/^half \ufffd+ pair$/);
  });

  it("event names too", async () => {
    const w = await badInputWorld();
    const body = jsonRequest([spec()]);
    const span = body.resourceSpans[0].scopeSpans[0].spans[0] as Record<string, unknown>;
    span.events = [{ timeUnixNano: "1795000000000000000", name: `ev${NUL}ent`, attributes: [{ key: "a", value: { stringValue: `x${LONE_HIGH}` } }] }];
    expect((await otlp(w, JSON.stringify(body))).status).toBe(200);
    const row = await stored(span.spanId as string);
    expect(row.events).toMatchObject([{ name: "ev\ufffdent", attributes: { a: "x\ufffd" } }]);
  });

  it("token counts that fit per span but not summed per trace: the trace total is capped", async () => {
    const w = await badInputWorld();
    const traceId = hex(16);
    const big = { "llm.token_count.total": 2_000_000_000, "llm.token_count.prompt": 2_000_000_000 };
    const response = await json(w, [spec(big, { traceId }), spec(big, { traceId })]);
    expect(response.status).toBe(200);
    const trace = await db.trace.findUniqueOrThrow({ where: { traceId }, select: { totalTokens: true, promptTokens: true } });
    expect(trace).toEqual({ totalTokens: 2_147_483_647, promptTokens: 2_147_483_647 });
  });
});
