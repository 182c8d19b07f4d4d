import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SpanKind, StatusCode } from "@/lib/generated/prisma/enums";

// The trace list behind Phoenix's `GET /v1/projects/{project}/traces`: sorted by
// start time or latency over the project indexes; keyset pages whose cursor is
// the first row of the next page (inclusive), as Phoenix hands them out.

export type TraceQuery = {
  limit: number;
  sort: "start_time" | "latency_ms";
  order: "asc" | "desc";
  cursorId?: number;
  startTime?: Date;
  endTime?: Date;
  // Sessions by row id (from GlobalIDs) or by their session.id string.
  sessionRowIds?: number[];
  sessionIds?: string[];
  includeSpans: boolean;
};

export type TraceSpanRecord = {
  id: number;
  traceRowId: number;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  spanKind: SpanKind;
  statusCode: StatusCode;
  startTime: Date;
  endTime: Date;
};

export type TraceRecord = {
  id: number;
  traceId: string;
  projectId: number;
  startTime: Date;
  endTime: Date;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  spans: TraceSpanRecord[] | null;
};

const sortColumns = { start_time: Prisma.sql`t.start_time`, latency_ms: Prisma.sql`t.latency_ms` } as const;
const cursorColumns = { start_time: Prisma.sql`c.start_time`, latency_ms: Prisma.sql`c.latency_ms` } as const;

export async function queryTraces(projectId: number, query: TraceQuery): Promise<{ rows: TraceRecord[]; nextId: number | null }> {
  const where = [Prisma.sql`t.project_id = ${projectId}`];
  if (query.startTime) where.push(Prisma.sql`t.start_time >= ${query.startTime}`);
  if (query.endTime) where.push(Prisma.sql`t.start_time < ${query.endTime}`);
  if (query.sessionRowIds || query.sessionIds) {
    where.push(Prisma.sql`t.session_row_id IN (
      SELECT id FROM sessions WHERE project_id = ${projectId}
        AND (id = ANY(${query.sessionRowIds ?? []}::int[]) OR session_id = ANY(${query.sessionIds ?? []}::text[])))`);
  }
  const column = sortColumns[query.sort];
  const desc = query.order === "desc";
  if (query.cursorId !== undefined) {
    const bound = Prisma.sql`(SELECT ${cursorColumns[query.sort]} FROM traces c WHERE c.id = ${query.cursorId}), ${query.cursorId}`;
    where.push(desc ? Prisma.sql`(${column}, t.id) <= (${bound})` : Prisma.sql`(${column}, t.id) >= (${bound})`);
  }
  const direction = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await prisma.$queryRaw<Omit<TraceRecord, "spans">[]>`
    SELECT t.id, t.trace_id AS "traceId", t.project_id AS "projectId", t.start_time AS "startTime",
      t.end_time AS "endTime", t.prompt_tokens AS "promptTokens", t.completion_tokens AS "completionTokens",
      t.total_tokens AS "totalTokens"
    FROM traces t
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${column} ${direction}, t.id ${direction}
    LIMIT ${query.limit + 1}`;
  const extra = rows.length > query.limit ? rows.pop()! : null;
  const spans = query.includeSpans ? await spansOf(rows.map((r) => r.id)) : null;
  return {
    rows: rows.map((row) => ({ ...row, spans: spans ? (spans.get(row.id) ?? []) : null })),
    nextId: extra?.id ?? null,
  };
}

// Only the light columns: attributes and events are not part of this answer.
async function spansOf(traceRowIds: number[]): Promise<Map<number, TraceSpanRecord[]>> {
  const byTrace = new Map<number, TraceSpanRecord[]>();
  if (traceRowIds.length === 0) return byTrace;
  const spans = await prisma.$queryRaw<TraceSpanRecord[]>`
    SELECT id, trace_row_id AS "traceRowId", span_id AS "spanId", parent_span_id AS "parentSpanId", name,
      span_kind AS "spanKind", status_code AS "statusCode", start_time AS "startTime", end_time AS "endTime"
    FROM spans WHERE trace_row_id = ANY(${traceRowIds}::int[])
    ORDER BY start_time, id`;
  for (const span of spans) {
    const list = byTrace.get(span.traceRowId) ?? [];
    list.push(span);
    byTrace.set(span.traceRowId, list);
  }
  return byTrace;
}
