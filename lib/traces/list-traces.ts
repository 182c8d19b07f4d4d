import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SpanKind, StatusCode } from "@/lib/generated/prisma/enums";
import { decodeCursor, toPage, type Page } from "@/lib/pagination/keyset";
import { toPrefixTsQuery } from "@/lib/search-params";
import { timeWindow, type TraceFilters } from "./trace-filters";

export type TraceRow = {
  id: number;
  traceId: string;
  startTime: Date;
  latencyMs: number;
  rootSpanName: string | null;
  rootSpanKind: SpanKind | null;
  statusCode: StatusCode;
  inputPreview: string | null;
  outputPreview: string | null;
  totalTokens: number;
  spanCount: number;
  sessionId: string | null;
};

const sortColumns = {
  time: Prisma.sql`t.start_time`,
  latency: Prisma.sql`t.latency_ms`,
  tokens: Prisma.sql`t.total_tokens`,
} as const;

function sortValueOf(row: TraceRow, sort: TraceFilters["sort"]) {
  if (sort === "time") return row.startTime.toISOString();
  return sort === "latency" ? row.latencyMs : row.totalTokens;
}

// One indexed scan of traces: (project, sort column, id) keyset, no OFFSET.
export async function listTraces(projectId: number, filters: TraceFilters): Promise<Page<TraceRow>> {
  const sortColumn = sortColumns[filters.sort];
  const { from, to } = timeWindow(filters);
  const conditions = [Prisma.sql`t.project_id = ${projectId}`];
  if (from) conditions.push(Prisma.sql`t.start_time >= ${from}`);
  if (to) conditions.push(Prisma.sql`t.start_time <= ${to}`);
  if (filters.status) conditions.push(Prisma.sql`t.status_code = ${filters.status}::"StatusCode"`);
  if (filters.kind) conditions.push(Prisma.sql`t.root_span_kind = ${filters.kind}::"SpanKind"`);
  const tsQuery = filters.q ? toPrefixTsQuery(filters.q) : null;
  if (tsQuery) conditions.push(Prisma.sql`t.search_vector @@ to_tsquery('english', ${tsQuery})`);

  const cursor = decodeCursor(filters.cursor);
  if (cursor) {
    const value = filters.sort === "time" ? Prisma.sql`${new Date(cursor.value)}::timestamptz` : Prisma.sql`${Number(cursor.value)}`;
    conditions.push(
      filters.dir === "desc"
        ? Prisma.sql`(${sortColumn}, t.id) < (${value}, ${cursor.id})`
        : Prisma.sql`(${sortColumn}, t.id) > (${value}, ${cursor.id})`,
    );
  }
  const direction = filters.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;

  const rows = await prisma.$queryRaw<TraceRow[]>`
    SELECT t.id, t.trace_id AS "traceId", t.start_time AS "startTime", t.latency_ms AS "latencyMs",
      t.root_span_name AS "rootSpanName", t.root_span_kind AS "rootSpanKind", t.status_code AS "statusCode",
      t.input_preview AS "inputPreview", t.output_preview AS "outputPreview", t.total_tokens AS "totalTokens",
      t.span_count AS "spanCount", s.session_id AS "sessionId"
    FROM traces t
    LEFT JOIN sessions s ON s.id = t.session_row_id
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${sortColumn} ${direction}, t.id ${direction}
    LIMIT ${filters.limit + 1}`;
  return toPage(rows, filters.limit, (row) => ({ value: sortValueOf(row, filters.sort), id: row.id }));
}
