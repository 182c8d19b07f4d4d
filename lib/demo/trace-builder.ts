import type { Attributes, IngestSpan } from "@/lib/ingest/span-input";
import type { DemoFailure } from "./demo-failures";
import type { Random } from "./random";

export type DemoSpanKind = "CHAIN" | "RETRIEVER" | "LLM" | "TOOL" | "EMBEDDING";

export type SpanDraft = {
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: DemoSpanKind;
  startMs: number;
  endMs: number;
  attributes: Attributes;
  /** Marks the span ERROR and records the exception as OpenTelemetry does. */
  failure?: DemoFailure;
};

export type TraceBuilder = {
  traceId: string;
  newSpanId: () => string;
  add: (draft: SpanDraft) => void;
  spans: IngestSpan[];
};

/** Collects the spans of one trace; every span gets the shared attributes (session, user). */
export function createTraceBuilder(random: Random, projectName: string, shared: Attributes): TraceBuilder {
  const traceId = random.hex(32);
  const spans: IngestSpan[] = [];
  return {
    traceId,
    newSpanId: () => random.hex(16),
    spans,
    add: ({ spanId, parentSpanId, name, kind, startMs, endMs, attributes, failure }) => {
      spans.push({
        projectName,
        traceId,
        spanId,
        parentSpanId: parentSpanId ?? null,
        name,
        startTime: new Date(startMs),
        endTime: new Date(endMs),
        statusCode: failure ? "ERROR" : "OK",
        statusMessage: failure ? `${failure.type}: ${failure.message}` : "",
        attributes: { "openinference.span.kind": kind, ...attributes, ...shared },
        events: failure
          ? [
              {
                name: "exception",
                timestamp: new Date(endMs),
                attributes: {
                  "exception.type": failure.type,
                  "exception.message": failure.message,
                  "exception.stacktrace": failure.stacktrace,
                  "exception.escaped": true,
                },
              },
            ]
          : [],
      });
    },
  };
}
