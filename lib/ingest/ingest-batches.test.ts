import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/setup/database";
import { hex, ragTrace } from "@/tests/fixtures/spans";
import { ingestSpans } from "./ingest-spans";
import { parseSpans, parseSpansWithZod } from "./parse-spans";
import type { IngestSpan } from "./span-input";

const db = useTestDatabase();
const t0 = new Date("2026-11-20T10:00:00Z");

// The summary columns refreshTraceSummaries computes from the stored spans.
async function summaries() {
  const traces = await db.trace.findMany({ orderBy: { traceId: "asc" } });
  return traces.map(({ id: _id, ...rest }) => rest);
}

describe("ingestSpans, batch by batch", () => {
  it("gives a trace created by a batch the summary a refresh from its stored spans gives", async () => {
    const spans = [
      ...ragTrace({ start: t0, sessionId: "s-1", input: "first question", tokens: 120 }),
      ...ragTrace({ start: new Date(t0.getTime() + 5_000), status: "ERROR", output: "broken" }),
      // A trace whose root never arrives: the earliest orphan stands in for it.
      ...ragTrace({ start: new Date(t0.getTime() + 9_000), input: "orphans" }).slice(1),
    ];
    await ingestSpans(spans);
    const inserted = await summaries();
    // The same spans again: every trace exists, so each is refreshed from its stored spans.
    await ingestSpans(spans);
    expect(await summaries()).toEqual(inserted);
    expect(inserted.map((t) => [t.spanCount, t.rootSpanName])).toEqual(
      expect.arrayContaining([[3, "support_turn"], [3, "support_turn"], [2, "retrieve_docs"]]),
    );
  });

  it("counts every span of a trace whose spans arrive in concurrent batches", async () => {
    const traceId = hex(16);
    const rootId = hex(8);
    const span = (i: number): IngestSpan => ({
      projectName: "alpha", traceId, spanId: hex(8), parentSpanId: i === 0 ? null : rootId, name: `step ${i}`,
      startTime: new Date(t0.getTime() + i), endTime: new Date(t0.getTime() + 1_000 + i),
      attributes: { "openinference.span.kind": "LLM", "llm.token_count.total": 10, "session.id": "shared-session" },
    });
    const [root, ...children] = Array.from({ length: 33 }, (_, i) => span(i));
    const batches = [[root], ...Array.from({ length: 8 }, (_, b) => children.slice(b * 4, b * 4 + 4))];
    const outcomes = await Promise.all(batches.map((batch) => ingestSpans(batch)));
    expect(outcomes.flatMap((o) => o.rejected)).toEqual([]);
    const trace = await db.trace.findFirstOrThrow({ where: { traceId } });
    expect(trace).toMatchObject({ spanCount: 33, totalTokens: 330, rootSpanId: root.spanId, latencyMs: 1_032 });
    expect(await db.session.findFirstOrThrow({ where: { sessionId: "shared-session" } })).toMatchObject({ traceCount: 1 });
  });
});

describe("parseSpans", () => {
  it("builds what ingestSpanSchema builds", () => {
    const spans: IngestSpan[] = [
      ...ragTrace({ start: t0, sessionId: "s-1" }),
      {
        traceId: hex(16), spanId: hex(8), parentSpanId: undefined, name: "minimal", startTime: "2026-11-20T10:00:00Z", endTime: 1_800_000_000_000,
      },
      {
        projectName: "p", traceId: hex(16), spanId: hex(8), parentSpanId: null, name: "events", startTime: t0, endTime: t0,
        statusCode: "ERROR", statusMessage: "boom", attributes: { list: ["a", 1, true], n: 1.5, ok: false },
        events: [{ name: "exception", timestamp: t0 }, { name: "log", timestamp: "2026-11-20T10:00:01Z", attributes: { k: "v" } }],
      },
    ];
    expect(parseSpans(spans)).toStrictEqual(parseSpansWithZod(spans));
  });

  it("names the wrong field as zod does", () => {
    const wrong: Record<string, unknown>[] = [
      { spanId: "not-hex" }, { traceId: "ABC" }, { name: 7 }, { endTime: new Date(t0.getTime() - 1) }, { startTime: "never" },
      { statusCode: "FINE" }, { attributes: { n: Number.NaN } }, { attributes: { nested: { a: 1 } } }, { projectName: "" },
      { events: [{ name: "e", timestamp: "never" }] }, { parentSpanId: "123" },
    ];
    for (const change of wrong) {
      const spans = [...ragTrace({ start: t0 }), { ...ragTrace({ start: t0 })[0], ...change } as IngestSpan];
      const message = (() => { try { parseSpansWithZod(spans); return null; } catch (e) { return (e as Error).message; } })();
      expect(message, JSON.stringify(change)).toMatch(/^Invalid span at 3\./);
      expect(() => parseSpans(spans)).toThrow(message!);
    }
  });
});
