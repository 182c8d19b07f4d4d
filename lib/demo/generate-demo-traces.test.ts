import { describe, expect, it } from "vitest";
import { ingestSpanSchema, type IngestSpan } from "@/lib/ingest/span-input";
import { generateDemoTraces, type DemoTraceOptions } from "./generate-demo-traces";

const allSpans = (options: DemoTraceOptions = {}) => [...generateDemoTraces(options)].flat();

const groupBy = <T>(items: T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

const sessionOf = (span: IngestSpan) => String(span.attributes?.["session.id"]);
const kindOf = (span: IngestSpan) => span.attributes?.["openinference.span.kind"];
// The generator emits Date objects; the schema's input type is wider.
const ms = (time: IngestSpan["startTime"]) => (time as Date).getTime();

describe("generateDemoTraces", () => {
  const spans = allSpans();
  const traces = groupBy(spans, (span) => span.traceId);
  const sessions = groupBy(spans, sessionOf);

  it("is deterministic for a seed and differs between seeds", () => {
    const again = allSpans();
    expect(again.map((span) => span.spanId)).toEqual(spans.map((span) => span.spanId));
    expect(JSON.stringify(again)).toBe(JSON.stringify(spans));
    expect(allSpans({ seed: 2 })[0].traceId).not.toBe(spans[0].traceId);
    expect(allSpans({ projectName: "other" })[0].traceId).not.toBe(spans[0].traceId);
  });

  it("makes 240 traces in at least 70 sessions of 2 to 6 turns by default", () => {
    expect(traces.size).toBe(240);
    expect(sessions.size).toBeGreaterThanOrEqual(70);
    for (const sessionSpans of sessions.values()) {
      const turns = new Set(sessionSpans.map((span) => span.traceId)).size;
      expect(turns).toBeGreaterThanOrEqual(2);
      expect(turns).toBeLessThanOrEqual(6);
    }
  });

  it("gives each trace one support_turn root and parents inside the trace", () => {
    for (const traceSpans of traces.values()) {
      const roots = traceSpans.filter((span) => !span.parentSpanId);
      expect(roots.map((span) => [span.name, kindOf(span)])).toEqual([["support_turn", "CHAIN"]]);
      const ids = new Set(traceSpans.map((span) => span.spanId));
      for (const span of traceSpans) if (span.parentSpanId) expect(ids.has(span.parentSpanId)).toBe(true);
      expect(new Set(traceSpans.map(sessionOf)).size).toBe(1);
    }
    expect(new Set(spans.map((span) => span.spanId)).size).toBe(spans.length);
  });

  it("orders the turns of a session in time, within the 30 days before startAt", () => {
    const startAt = new Date("2026-11-20T12:00:00Z").getTime();
    for (const sessionSpans of sessions.values()) {
      const roots = sessionSpans.filter((span) => !span.parentSpanId);
      for (let i = 1; i < roots.length; i++) {
        expect(ms(roots[i].startTime)).toBeGreaterThan(ms(roots[i - 1].endTime));
      }
      for (const span of sessionSpans) {
        const start = ms(span.startTime);
        expect(start).toBeGreaterThanOrEqual(startAt - 30 * 86_400_000);
        expect(start).toBeLessThan(startAt);
      }
    }
  });

  it("retrieves 3 to 5 documents with descending scores", () => {
    const retrievers = spans.filter((span) => kindOf(span) === "RETRIEVER" && span.statusCode !== "ERROR");
    expect(retrievers.length).toBeGreaterThan(200);
    for (const span of retrievers) {
      const scores = Object.entries(span.attributes ?? {})
        .filter(([key]) => /^retrieval\.documents\.\d+\.document\.score$/.test(key))
        .map(([, score]) => Number(score));
      expect(scores.length).toBeGreaterThanOrEqual(3);
      expect(scores.length).toBeLessThanOrEqual(5);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it("covers every span kind, tool calls and a few errors with exception events", () => {
    expect(new Set(spans.map(kindOf))).toEqual(new Set(["CHAIN", "RETRIEVER", "EMBEDDING", "LLM", "TOOL"]));
    const toolCallKey = "llm.output_messages.0.message.tool_calls.0.tool_call.function.name";
    expect(spans.some((span) => span.attributes?.[toolCallKey])).toBe(true);
    const failedTraces = [...traces.values()].filter((trace) => trace.some((span) => span.statusCode === "ERROR"));
    expect(failedTraces.length).toBeGreaterThan(0);
    expect(failedTraces.length).toBeLessThan(traces.size * 0.1);
    for (const span of spans.filter((span) => span.statusCode === "ERROR")) {
      expect(span.statusMessage).toBeTruthy();
      expect(span.events?.[0]?.attributes?.["exception.type"]).toBeTruthy();
    }
  });

  it("produces spans that the ingest schema accepts", () => {
    for (const span of spans) expect(ingestSpanSchema.safeParse(span).error).toBeUndefined();
  });

  it("streams batches of whole sessions around the batch size", () => {
    const batches = [...generateDemoTraces({ traces: 600, batchSize: 500 })];
    expect(batches.length).toBeGreaterThan(1);
    const sessionBatch = new Map<string, number>();
    batches.forEach((batch, index) => {
      for (const span of batch) expect(sessionBatch.get(sessionOf(span)) ?? index).toBe(index);
      for (const span of batch) sessionBatch.set(sessionOf(span), index);
    });
    for (const batch of batches.slice(0, -1)) expect(batch.length).toBeGreaterThanOrEqual(500);
    expect(new Set(batches.flat().map((span) => span.traceId)).size).toBe(600);
  });

  it("pads every trace to spansPerTrace with children of its root, keeping the unpadded spans", () => {
    const padded = allSpans({ spansPerTrace: 10 });
    const paddedTraces = groupBy(padded, (span) => span.traceId);
    expect(paddedTraces.size).toBe(traces.size);
    for (const [traceId, traceSpans] of paddedTraces) {
      const own = traces.get(traceId)!;
      expect(traceSpans.length).toBe(Math.max(10, own.length));
      expect(JSON.stringify(traceSpans.slice(0, own.length))).toBe(JSON.stringify(own));
      const root = own.find((span) => !span.parentSpanId)!;
      for (const span of traceSpans.slice(own.length)) {
        expect(span.parentSpanId).toBe(root.spanId);
        expect(ms(span.startTime)).toBeGreaterThanOrEqual(ms(root.startTime));
        expect(ms(span.endTime)).toBeLessThanOrEqual(ms(root.endTime));
      }
    }
    expect(new Set(padded.map((span) => span.spanId)).size).toBe(padded.length);
    for (const span of padded) expect(ingestSpanSchema.safeParse(span).error).toBeUndefined();
    expect(() => allSpans({ spansPerTrace: 0 })).toThrow(RangeError);
  });
});
