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
    expect(await ingestSpans(spans)).toEqual({ spans: 6, traces: 2, sessions: 1, rejected: [] });

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

  it("rejects a known span id under another trace or project, and a known trace id under another project, changing nothing", async () => {
    const [root, retriever, llm] = ragTrace({ start: t0, project: "alpha", sessionId: "sess-a" });
    await ingestSpans([root, retriever, llm]);
    const snapshot = async () => ({
      spans: await db.span.findMany({ orderBy: { id: "asc" } }),
      traces: await db.trace.findMany({ orderBy: { id: "asc" } }),
      sessions: await db.session.findMany({ orderBy: { id: "asc" } }),
      projects: await db.project.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await snapshot();

    const otherTrace = hex(16);
    const hijacks = [
      // The root span under a new trace id, then under another project.
      { ...root, traceId: otherTrace, name: "moved", attributes: { "input.value": "overwritten" } },
      { ...retriever, projectName: "beta", name: "moved" },
      // A new span id, but in the stored trace, under another project.
      { ...llm, spanId: hex(8), projectName: "beta", name: "intruder" },
    ];
    const outcome = await ingestSpans(hijacks);
    expect(outcome.spans).toBe(0);
    expect(outcome.rejected.map((r) => r.spanId)).toEqual(hijacks.map((h) => h.spanId));
    expect(outcome.rejected[0].reason).toBe(
      `span ${root.spanId} (trace ${otherTrace}) rejected: it already exists in trace ${root.traceId} of project "alpha"; a span or trace cannot move to another trace or project`,
    );
    expect(outcome.rejected[1].reason).toContain(`it already exists in trace ${root.traceId} of project "alpha"`);
    expect(outcome.rejected[2].reason).toContain(`trace ${root.traceId} already exists in project "alpha"`);
    expect(await snapshot()).toEqual(before); // no new trace, no project "beta", nothing moved
  });

  it("lands the rest of a batch around a rejected span, updating a re-sent span in place", async () => {
    const [root, retriever] = ragTrace({ start: t0, project: "alpha" });
    await ingestSpans([root, retriever]);
    const stored = await db.span.findUniqueOrThrow({ where: { spanId: retriever.spanId } });
    const fresh = ragTrace({ start: t0, project: "beta" });
    const resent = { ...retriever, name: "renamed", attributes: { "input.value": "edited" } };
    const outcome = await ingestSpans([...fresh, { ...root, projectName: "beta" }, resent]);
    expect(outcome).toMatchObject({ spans: 4, traces: 2, rejected: [{ spanId: root.spanId }] });
    expect(await db.span.count({ where: { project: { name: "beta" } } })).toBe(3);
    expect(await db.span.findUniqueOrThrow({ where: { spanId: root.spanId }, select: { project: { select: { name: true } } } }))
      .toEqual({ project: { name: "alpha" } });
    expect(await db.span.findUniqueOrThrow({ where: { spanId: retriever.spanId } })).toMatchObject({
      id: stored.id, traceRowId: stored.traceRowId, projectId: stored.projectId, name: "renamed", inputValue: "edited", documentCount: 0,
    });
  });

  it("keeps a trace in the first project it is sent under within one request", async () => {
    const [root, retriever, llm] = ragTrace({ start: t0, project: "alpha" });
    const outcome = await ingestSpans([root, { ...retriever, projectName: "beta" }, llm, { ...root, traceId: hex(16) }]);
    expect(outcome).toMatchObject({ spans: 2, traces: 1 });
    expect(outcome.rejected.map((r) => r.spanId)).toEqual([retriever.spanId, root.spanId]);
    expect(outcome.rejected[0].reason).toContain(`trace ${root.traceId} is sent under project "alpha" earlier in this request`);
    const spans = await db.span.findMany({ select: { spanId: true, projectId: true, trace: { select: { traceId: true, projectId: true } } } });
    expect(spans).toHaveLength(2);
    expect(spans.every((s) => s.projectId === s.trace.projectId && s.trace.traceId === root.traceId)).toBe(true);
    expect(await db.project.findMany({ select: { name: true } })).toEqual([{ name: "alpha" }]);
  });

  it("never links a trace to another project's session, nor changes that session", async () => {
    await ingestSpans(ragTrace({ start: t0, project: "alpha", sessionId: "shared" }));
    const session = await db.session.findUniqueOrThrow({ where: { sessionId: "shared" } });
    const outcome = await ingestSpans(ragTrace({ start: new Date(t0.getTime() - 3_600_000), project: "beta", sessionId: "shared" }));
    expect(outcome).toMatchObject({ spans: 3, rejected: [] });
    const betaTrace = await db.trace.findFirstOrThrow({ where: { project: { name: "beta" } } });
    expect(betaTrace.sessionRowId).toBeNull();
    expect(await db.session.findUniqueOrThrow({ where: { sessionId: "shared" } })).toEqual(session);
  });
});
