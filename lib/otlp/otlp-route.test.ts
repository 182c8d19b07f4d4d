import { deflateSync, gzipSync } from "node:zlib";
import generated from "@opentelemetry/otlp-transformer/build/src/generated/root";
import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { actorForUser } from "@/lib/auth/sessions";
import { POST } from "@/app/v1/traces/route";
import { useTestDatabase } from "@/tests/setup/database";
import { bearerFor } from "@/tests/fixtures/api-auth";
import { hex } from "@/tests/fixtures/spans";
import {
  chainWithFailingLlm, jsonRequest, protobufRequest, sdkSpans, serializeJson, serializeProtobuf, type SpanSpec,
} from "@/tests/fixtures/otlp-requests";

const db = useTestDatabase();
const t0 = new Date("2026-11-20T10:00:00.123Z");
const PROTOBUF = "application/x-protobuf";
let auth: Record<string, string>;

beforeEach(async () => {
  auth = await bearerFor("REVIEWER"); // reviewers may send traces
});

// Calls the route handler as Next.js would.
function postTraces(body: Uint8Array | string, headers: Record<string, string>): Promise<Response> {
  // Copied into a plain ArrayBuffer-backed array, which is what BodyInit accepts.
  const payload = typeof body === "string" ? body : new Uint8Array(body);
  const request = new Request("http://localhost/v1/traces", { method: "POST", body: payload, headers });
  return POST(request, { params: Promise.resolve({}) });
}

const spanSpec = (overrides: Partial<SpanSpec> = {}): SpanSpec => ({
  traceId: hex(16), spanId: hex(8), name: "step", start: t0, end: new Date(t0.getTime() + 250), ...overrides,
});

type Decoder = { decode(bytes: Uint8Array): { partialSuccess?: { rejectedSpans: { toString(): string }; errorMessage: string } } };
const ExportTraceServiceResponse = (generated as unknown as {
  opentelemetry: { proto: { collector: { trace: { v1: { ExportTraceServiceResponse: Decoder } } } } };
}).opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

describe("POST /v1/traces", () => {
  it("stores spans the OpenTelemetry SDK exports as protobuf, answering an empty ExportTraceServiceResponse", async () => {
    const spans = await sdkSpans({ "openinference.project.name": "sdk-app" }, (t) => chainWithFailingLlm(t, "sess-pb"));
    const response = await postTraces(serializeProtobuf(spans), { ...auth, "content-type": PROTOBUF });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(PROTOBUF);
    expect((await response.arrayBuffer()).byteLength).toBe(0);

    // Sorted by name: the root and its child may start in the same millisecond.
    const rows = await db.span.findMany({ orderBy: { name: "asc" }, include: { project: true } });
    expect(rows.map((r) => [r.name, r.spanKind, r.statusCode, r.project.name])).toEqual([
      ["answer_question", "CHAIN", "OK", "sdk-app"],
      ["llm_call", "LLM", "ERROR", "sdk-app"],
    ]);
    const [root, llm] = rows;
    expect(llm.parentSpanId).toBe(root.spanId);
    expect(llm.statusMessage).toBe("rate limited");
    expect(llm.attributes).toMatchObject({ "llm.input_messages.0.message.role": "user", "tag.tags": ["a", "b"], "llm.token_count.total": 42 });
    expect(llm.totalTokens).toBe(42);
    expect(llm.events).toEqual([
      expect.objectContaining({ name: "exception", attributes: expect.objectContaining({ "exception.message": "rate limited" }) }),
    ]);
    expect(root.outputValue).toBe("A protocol.");
    expect(await db.session.findUniqueOrThrow({ where: { sessionId: "sess-pb" } })).toMatchObject({ traceCount: 1 });
  });

  it("takes OTLP/JSON (hex ids, string nanos) and answers {}", async () => {
    const spans = await sdkSpans({}, (t) => chainWithFailingLlm(t, "sess-json"));
    const response = await postTraces(serializeJson(spans), { ...auth, "content-type": "application/json" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    const llm = await db.span.findFirstOrThrow({ where: { name: "llm_call" } });
    expect(llm).toMatchObject({ spanKind: "LLM", statusCode: "ERROR", traceRowId: expect.any(Number) });
    expect(await db.project.findMany({ select: { name: true } })).toEqual([{ name: "default" }]);
  });

  it("keeps times to the millisecond from unix nanoseconds", async () => {
    const spec = spanSpec();
    await postTraces(protobufRequest([spec]), { ...auth, "content-type": PROTOBUF });
    const row = await db.span.findFirstOrThrow();
    expect(row.startTime.toISOString()).toBe("2026-11-20T10:00:00.123Z");
    expect(row.endTime.getTime() - row.startTime.getTime()).toBe(250);
  });

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
  ])("inflates %s bodies", async (encoding, compress) => {
    const body = compress(protobufRequest([spanSpec({ name: `zipped-${encoding}` })]));
    const response = await postTraces(body, { ...auth, "content-type": PROTOBUF, "content-encoding": encoding });
    expect(response.status).toBe(200);
    expect(await db.span.findFirstOrThrow()).toMatchObject({ name: `zipped-${encoding}` });
  });

  it("flattens nested kvlist and array attributes into OpenInference dot keys", async () => {
    const attributes = {
      "openinference.span.kind": "LLM",
      llm: { input_messages: [{ message: { role: "system", content: "Be brief." } }, { message: { role: "user", content: "Hi" } }] },
      "retrieval.documents": [{ document: { id: "d1", score: 0.5 } }],
      "tag.tags": ["x", "y"],
      "llm.token_count": { prompt: 7, completion: 3 },
    };
    for (const [format, body] of [["json", JSON.stringify(jsonRequest([spanSpec({ attributes })]))], ["protobuf", protobufRequest([spanSpec({ attributes })])]] as const) {
      await postTraces(body, { ...auth, "content-type": format === "json" ? "application/json" : PROTOBUF });
    }
    const rows = await db.span.findMany();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.attributes).toEqual({
        "openinference.span.kind": "LLM",
        "llm.input_messages.0.message.role": "system", "llm.input_messages.0.message.content": "Be brief.",
        "llm.input_messages.1.message.role": "user", "llm.input_messages.1.message.content": "Hi",
        "retrieval.documents.0.document.id": "d1", "retrieval.documents.0.document.score": 0.5,
        "tag.tags": ["x", "y"], "llm.token_count.prompt": 7, "llm.token_count.completion": 3,
      });
      expect(row).toMatchObject({ documentCount: 1, promptTokens: 7 });
    }
  });

  it("picks the project from x-project-name, else the resource attribute, else default", async () => {
    const resource = { "openinference.project.name": "from-resource" };
    await postTraces(protobufRequest([spanSpec({ name: "a" })], resource), { ...auth, "content-type": PROTOBUF, "x-project-name": "from-header" });
    await postTraces(protobufRequest([spanSpec({ name: "b" })], resource), { ...auth, "content-type": PROTOBUF });
    await postTraces(protobufRequest([spanSpec({ name: "c" })]), { ...auth, "content-type": PROTOBUF });
    const rows = await db.span.findMany({ select: { name: true, project: { select: { name: true } } }, orderBy: { name: "asc" } });
    expect(rows.map((r) => [r.name, r.project.name])).toEqual([["a", "from-header"], ["b", "from-resource"], ["c", "default"]]);
  });

  it.each([
    ["garbage protobuf", PROTOBUF, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), /protobuf/],
    ["malformed JSON", "application/json", "{not json", /not valid JSON/],
    ["a JSON field of the wrong type", "application/json", JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 5 }] }] }] }), /traceId/],
    ["a short trace id", "application/json", JSON.stringify(jsonRequest([spanSpec(), spanSpec({ traceId: "abcd" })])), /spans\.1\.traceId must be 16 bytes/],
    ["a span ending before it starts", PROTOBUF, protobufRequest([spanSpec(), spanSpec({ end: new Date(t0.getTime() - 1) })]), /endTime/],
  ])("refuses %s with 400 and writes nothing", async (_, contentType, body, message) => {
    const response = await postTraces(body, { ...auth, "content-type": contentType });
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(message);
    expect(await db.span.count()).toBe(0);
    expect(await db.project.count()).toBe(0);
  });

  it("refuses a corrupt gzip body (400), an unknown encoding or content type (415) and an oversize body (413)", async () => {
    const send = (body: Uint8Array | string, headers: Record<string, string>) => postTraces(body, { ...auth, "content-type": PROTOBUF, ...headers });
    expect((await send("not gzip", { "content-encoding": "gzip" })).status).toBe(400);
    expect((await send(protobufRequest([spanSpec()]), { "content-encoding": "br" })).status).toBe(415);
    expect((await send("x", { "content-type": "text/plain" })).status).toBe(415);
    expect((await send(new Uint8Array(21 * 1024 * 1024), {})).status).toBe(413);
    expect((await send(gzipSync(new Uint8Array(81 * 1024 * 1024)), { "content-encoding": "gzip" })).status).toBe(413);
    expect(await db.span.count()).toBe(0);
  });

  it("needs an API key that may ingest", async () => {
    const body = protobufRequest([spanSpec()]);
    expect((await postTraces(body, { "content-type": PROTOBUF })).status).toBe(401);
    const admin = actorForUser(await db.user.findFirstOrThrow());
    const viewerKey = await createApiKey(admin, { name: "read-only", system: true, role: "VIEWER" });
    const forbidden = await postTraces(body, { "content-type": PROTOBUF, authorization: `Bearer ${viewerKey.secret}` });
    expect(forbidden.status).toBe(403);
    expect(await db.span.count()).toBe(0);
  });

  it("rejects a span that would move trace or project in partial_success (protobuf and JSON), landing the rest", async () => {
    const stored = spanSpec({ name: "original", attributes: { "input.value": "kept" } });
    await postTraces(protobufRequest([stored]), { ...auth, "content-type": PROTOBUF, "x-project-name": "alpha" });
    const before = await db.span.findFirstOrThrow();

    const fresh = spanSpec({ name: "fresh" });
    const moved = { ...stored, traceId: hex(16), name: "moved", attributes: { "input.value": "overwritten" } };
    const response = await postTraces(protobufRequest([moved, fresh]), { ...auth, "content-type": PROTOBUF, "x-project-name": "alpha" });
    expect(response.status).toBe(200);
    const { partialSuccess } = ExportTraceServiceResponse.decode(new Uint8Array(await response.arrayBuffer()));
    expect(partialSuccess?.rejectedSpans.toString()).toBe("1");
    expect(partialSuccess?.errorMessage).toBe(
      `1 span rejected. span ${stored.spanId} (trace ${moved.traceId}) rejected: it already exists in trace ${stored.traceId} of project "alpha"; a span or trace cannot move to another trace or project.`,
    );
    expect(await db.span.findFirstOrThrow({ where: { name: "fresh" } })).toMatchObject({ spanId: fresh.spanId });

    const json = await postTraces(JSON.stringify(jsonRequest([{ ...stored, name: "moved" }])), { ...auth, "content-type": "application/json", "x-project-name": "beta" });
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({
      partialSuccess: { rejectedSpans: "1", errorMessage: expect.stringContaining(`span ${stored.spanId} (trace ${stored.traceId}) rejected`) },
    });
    expect(await db.span.findUniqueOrThrow({ where: { spanId: stored.spanId } })).toEqual(before);
    expect(await db.trace.count()).toBe(2);
    expect(await db.project.findMany({ select: { name: true } })).toEqual([{ name: "alpha" }]);
  });
});
