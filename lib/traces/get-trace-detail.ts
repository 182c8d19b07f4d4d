import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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

// The trace (with its project's name and its session id) and every span in it,
// in start order: two statements sent together, where Prisma's relation select
// sent four, one after the other (trace, then project, session and spans). The
// project name is part of the look-up so a trace id cannot be read under another project.
export async function getTraceDetail(projectName: string, traceId: string): Promise<TraceDetail | null> {
  return loadTraceDetail(Prisma.sql`t.trace_id = ${traceId.toLowerCase()} AND p.name = ${projectName}`);
}

/** The same by row id (review lists hold row ids), within one project. */
export async function getTraceDetailByRowId(projectId: number, rowId: number): Promise<TraceDetail | null> {
  return loadTraceDetail(Prisma.sql`t.id = ${rowId} AND t.project_id = ${projectId}`);
}

async function loadTraceDetail(where: Prisma.Sql): Promise<TraceDetail | null> {
  const [traces, spans] = await Promise.all([
    prisma.$queryRaw<TraceSummary[]>`
      SELECT t.id, t.trace_id AS "traceId", t.root_span_id AS "rootSpanId", t.root_span_name AS "rootSpanName",
        t.status_code::text AS "statusCode", t.start_time AS "startTime", t.end_time AS "endTime", t.latency_ms AS "latencyMs",
        t.span_count AS "spanCount", t.error_count AS "errorCount", t.prompt_tokens AS "promptTokens",
        t.completion_tokens AS "completionTokens", t.total_tokens AS "totalTokens", p.name AS "projectName", s.session_id AS "sessionId"
      FROM traces t JOIN projects p ON p.id = t.project_id LEFT JOIN sessions s ON s.id = t.session_row_id
      WHERE ${where}`,
    prisma.$queryRaw<(Omit<TraceSpan, "attributes" | "events"> & { attributes: unknown; events: unknown })[]>`
      SELECT sp.id, sp.span_id AS "spanId", sp.parent_span_id AS "parentSpanId", sp.name, sp.span_kind::text AS "spanKind",
        sp.status_code::text AS "statusCode", sp.status_message AS "statusMessage", sp.start_time AS "startTime", sp.end_time AS "endTime",
        sp.attributes, sp.events, sp.input_value AS "inputValue", sp.input_mime_type AS "inputMimeType", sp.output_value AS "outputValue",
        sp.output_mime_type AS "outputMimeType", sp.prompt_tokens AS "promptTokens", sp.completion_tokens AS "completionTokens",
        sp.total_tokens AS "totalTokens", sp.document_count AS "documentCount"
      FROM spans sp JOIN traces t ON t.id = sp.trace_row_id JOIN projects p ON p.id = t.project_id
      WHERE ${where}
      ORDER BY sp.start_time, sp.id`,
  ]);
  const trace = traces[0];
  if (!trace) return null;
  return {
    trace: { ...trace },
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
