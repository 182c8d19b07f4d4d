import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SpanKind, StatusCode } from "@/lib/generated/prisma/enums";
import type { FlatAttributes } from "@/lib/spans/indexed-attributes";

export type TraceSummary = {
  id: number;
  traceId: string;
  projectName: string;
  sessionId: string | null;
  rootSpanId: string | null;
  rootSpanName: string | null;
  statusCode: StatusCode;
  startTime: Date;
  endTime: Date;
  latencyMs: number;
  spanCount: number;
  errorCount: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
};

export type TraceSpan = {
  id: number;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  spanKind: SpanKind;
  statusCode: StatusCode;
  statusMessage: string;
  startTime: Date;
  endTime: Date;
  attributes: FlatAttributes;
  events: unknown[];
  inputValue: string | null;
  inputMimeType: string | null;
  outputValue: string | null;
  outputMimeType: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  documentCount: number;
};

export type TraceDetail = { trace: TraceSummary; spans: TraceSpan[] };

const spanSelect = {
  id: true,
  spanId: true,
  parentSpanId: true,
  name: true,
  spanKind: true,
  statusCode: true,
  statusMessage: true,
  startTime: true,
  endTime: true,
  attributes: true,
  events: true,
  inputValue: true,
  inputMimeType: true,
  outputValue: true,
  outputMimeType: true,
  promptTokens: true,
  completionTokens: true,
  totalTokens: true,
  documentCount: true,
} as const;

// The trace and every span in it, in start order. Prisma loads the relations
// with one query per relation (trace, spans), never one per span. The project
// name is part of the lookup so a trace id cannot be read under another project.
export async function getTraceDetail(projectName: string, traceId: string): Promise<TraceDetail | null> {
  return loadTraceDetail({ traceId: traceId.toLowerCase(), project: { name: projectName } });
}

/** The same by row id (review lists hold row ids), within one project. */
export async function getTraceDetailByRowId(projectId: number, rowId: number): Promise<TraceDetail | null> {
  return loadTraceDetail({ id: rowId, projectId });
}

async function loadTraceDetail(where: Prisma.TraceWhereInput): Promise<TraceDetail | null> {
  const row = await prisma.trace.findFirst({
    where,
    select: {
      id: true,
      traceId: true,
      rootSpanId: true,
      rootSpanName: true,
      statusCode: true,
      startTime: true,
      endTime: true,
      latencyMs: true,
      spanCount: true,
      errorCount: true,
      promptTokens: true,
      completionTokens: true,
      totalTokens: true,
      project: { select: { name: true } },
      session: { select: { sessionId: true } },
      spans: { select: spanSelect, orderBy: [{ startTime: "asc" }, { id: "asc" }] },
    },
  });
  if (!row) return null;
  const { project, session, spans, ...trace } = row;
  return {
    trace: { ...trace, projectName: project.name, sessionId: session?.sessionId ?? null },
    spans: spans.map((span) => ({
      ...span,
      attributes: isObject(span.attributes) ? (span.attributes as FlatAttributes) : {},
      events: Array.isArray(span.events) ? span.events : [],
    })),
  };
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
