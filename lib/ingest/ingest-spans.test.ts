import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/setup/database";
import { hex, ragTrace } from "@/tests/fixtures/spans";
import { ingestSpans } from "./ingest-spans";

const db = useTestDatabase();
const t0 = new Date("2026-11-20T10:00:00Z");

describe("ingestSpans", () => {
  it("creates the project, trace summary, spans and session of a batch", async () => {
    const spans = [
      ...ragTrace({ start: t0, sessionId: "sess-1", input: "first question", tokens: 120 }),
      ...ragTrace({ start: new Date(t0.getTime() + 60_000), sessionId: "sess-1", output: "last answer", status: "ERROR" }),
    ];
    expect(await ingestSpans(spans)).toEqual({ spans: 6, traces: 2, sessions: 1 });

    const traces = await db.trace.findMany({ orderBy: { startTime: "asc" } });
    expect(traces).toHaveLength(2);
    expect(traces[0]).toMatchObject({
      rootSpanName: "support_turn", rootSpanKind: "CHAIN", spanCount: 3, totalTokens: 120,
      statusCode: "OK", inputPreview: "first question", latencyMs: 1000,
    });
    expect(traces[1]).toMatchObject({ statusCode: "ERROR", errorCount: 1 });

    const session = await db.session.findUniqueOrThrow({ where: { sessionId: "sess-1" } });
    expect(session).toMatchObject({ traceCount: 2, firstInput: "first question", lastOutput: "last answer" });
    expect(traces.every((t) => t.sessionRowId === session.id)).toBe(true);

    const retriever = await db.span.findFirstOrThrow({ where: { spanKind: "RETRIEVER" } });
    expect(retriever.documentCount).toBe(3);
    const root = await db.span.findUniqueOrThrow({ where: { spanId: traces[0].rootSpanId! } });
    const children = await db.span.findMany({ where: { parentSpanId: root.spanId } });
    expect(children).toHaveLength(2);
  });

  it("is idempotent: the same spans twice are one set of rows", async () => {
    const spans = ragTrace({ start: t0, sessionId: "sess-2" });
    await ingestSpans(spans);
    await ingestSpans(spans);
    expect(await db.span.count()).toBe(3);
    expect(await db.trace.count()).toBe(1);
    expect(await db.session.findUniqueOrThrow({ where: { sessionId: "sess-2" } })).toMatchObject({ traceCount: 1 });
  });

  it("accepts a trace's spans across batches, children before their root", async () => {
    const [root, ...children] = ragTrace({ start: t0, input: "split batches" });
    await ingestSpans(children);
    const partial = await db.trace.findFirstOrThrow();
    expect(partial.rootSpanName).toBe("retrieve_docs"); // earliest orphan stands in for the root
    await ingestSpans([root]);
    const whole = await db.trace.findFirstOrThrow();
    expect(whole).toMatchObject({ rootSpanName: "support_turn", spanCount: 3, inputPreview: "split batches" });
  });

  it("keeps projects apart by name", async () => {
    await ingestSpans([...ragTrace({ start: t0, project: "alpha" }), ...ragTrace({ start: t0, project: "beta" })]);
    const projects = await db.project.findMany({ include: { _count: { select: { traces: true } } }, orderBy: { name: "asc" } });
    expect(projects.map((p) => [p.name, p._count.traces])).toEqual([["alpha", 1], ["beta", 1]]);
  });

  it("rejects a malformed span with the field that is wrong and writes nothing", async () => {
    const spans = ragTrace({ start: t0 });
    spans[2] = { ...spans[2], spanId: "not-hex" };
    const error = await ingestSpans(spans).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain("2.spanId");
    expect(await db.span.count()).toBe(0);
    expect(await db.project.count()).toBe(0);
  });

  it("maps OpenInference attributes onto span columns", async () => {
    await ingestSpans([
      {
        traceId: hex(16), spanId: hex(8), name: "llm", startTime: t0, endTime: t0,
        attributes: {
          "openinference.span.kind": "llm", "input.value": "{\"q\":1}", "input.mime_type": "application/json",
          "llm.token_count.total": 77, "retrieval.documents.4.document.id": "d",
        },
      },
    ]);
    const span = await db.span.findFirstOrThrow();
    expect(span).toMatchObject({ spanKind: "LLM", inputMimeType: "application/json", totalTokens: 77, documentCount: 5 });
  });
});
