import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SpanKind, StatusCode } from "@/lib/generated/prisma/enums";
import { countCapped, type CappedCount } from "@/lib/pagination/capped-count";
import { decodeCursor, toPage, type Page } from "@/lib/pagination/keyset";
import { visibleAnnotation, type AnnotationReader } from "@/lib/review/blind-review";
import { timeWindow, type TraceFilters } from "./trace-filters";
import { traceTextCondition } from "./trace-text-search";

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

// A rubric filter (label, score) matches trace t by an annotation on the trace,
// on one of its spans or documents, or on its session: a session rubric (user
// satisfaction) judges every turn of the conversation. Two EXISTS rather than
// one with OR, so each probes its own index: (trace_row_id, name), (session_row_id).
function rubricAnnotationExists(match: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(EXISTS (SELECT 1 FROM annotations a WHERE a.trace_row_id = t.id AND ${match})
    OR EXISTS (SELECT 1 FROM annotations a WHERE a.session_row_id = t.session_row_id AND a.target_type = 'SESSION' AND ${match}))`;
}

// One indexed scan of traces: (project, sort column, id) keyset, no OFFSET.
// Label and score filters match only values the reader may see (blind review).
function reviewConditions(filters: TraceFilters, reader: AnnotationReader): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const viewerId = reader.userId;
  const visible = visibleAnnotation(Prisma.sql`a`, reader);
  if (filters.rubric && filters.label) {
    conditions.push(rubricAnnotationExists(Prisma.sql`a.name = ${filters.rubric} AND a.label = ${filters.label} AND ${visible}`));
  }
  if (filters.rubric && (filters.scoreMin !== undefined || filters.scoreMax !== undefined)) {
    conditions.push(rubricAnnotationExists(Prisma.sql`a.name = ${filters.rubric}
      AND a.score >= ${filters.scoreMin ?? -1e308} AND a.score <= ${filters.scoreMax ?? 1e308} AND ${visible}`));
  }
  const notes = Prisma.sql`EXISTS (SELECT 1 FROM annotations a WHERE a.trace_row_id = t.id AND a.name = 'note')`;
  if (filters.notes === "with") conditions.push(notes);
  if (filters.notes === "without") conditions.push(Prisma.sql`NOT ${notes}`);
  // "Reviewed" means a label or score (not a note) on the trace or any of its spans.
  const reviewedBy = (who: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM annotations a WHERE a.trace_row_id = t.id AND a.name <> 'note' AND ${who})`;
  if (filters.reviewed === "me") conditions.push(reviewedBy(Prisma.sql`a.user_id = ${viewerId}::uuid`));
  if (filters.reviewed === "not-me") conditions.push(Prisma.sql`NOT ${reviewedBy(Prisma.sql`a.user_id = ${viewerId}::uuid`)}`);
  if (filters.reviewed === "nobody") conditions.push(Prisma.sql`NOT ${reviewedBy(Prisma.sql`a.annotator_kind = 'HUMAN'`)}`);
  // A review queue by rule: "every trace not yet reviewed for correctness".
  if (filters.missing) {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM annotations a WHERE a.trace_row_id = t.id AND a.name = ${filters.missing}
      AND a.target_type = 'TRACE' AND a.identifier <> 'adjudicated')`);
  }
  return conditions;
}

/** The WHERE conditions of a filtered traces list (also used by review mode), as `reader` may filter. */
export function traceListConditions(projectId: number, filters: TraceFilters, reader: AnnotationReader): Prisma.Sql[] {
  const { from, to } = timeWindow(filters);
  const conditions = [Prisma.sql`t.project_id = ${projectId}`];
  if (from) conditions.push(Prisma.sql`t.start_time >= ${from}`);
  if (to) conditions.push(Prisma.sql`t.start_time <= ${to}`);
  if (filters.status) conditions.push(Prisma.sql`t.status_code = ${filters.status}::"StatusCode"`);
  if (filters.kind) conditions.push(Prisma.sql`t.root_span_kind = ${filters.kind}::"SpanKind"`);
  const text = filters.q ? traceTextCondition(Prisma.sql`t`, filters.q) : null;
  if (text) conditions.push(text);

  conditions.push(...reviewConditions(filters, reader));
  if (filters.theme) conditions.push(themeCondition(filters.theme));
  return conditions;
}

// From the theme's few tagged notes to their traces (note_themes by theme, then
// each note by id), rather than probing every trace of the project.
function themeCondition(themeId: number): Prisma.Sql {
  const tagged = Prisma.sql`note_themes nt JOIN annotations n ON n.id = nt.annotation_id WHERE nt.theme_id = ${themeId}`;
  return Prisma.sql`(t.id IN (SELECT n.trace_row_id FROM ${tagged} AND n.trace_row_id IS NOT NULL)
    OR t.session_row_id IN (SELECT n.session_row_id FROM ${tagged} AND n.target_type = 'SESSION'))`;
}

export async function listTraces(projectId: number, filters: TraceFilters, reader: AnnotationReader): Promise<Page<TraceRow>> {
  const sortColumn = sortColumns[filters.sort];
  const conditions = traceListConditions(projectId, filters, reader);
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

/** How many traces the filters match, up to the cap (one capped scan, like a page). */
export function countTraces(projectId: number, filters: TraceFilters, reader: AnnotationReader): Promise<CappedCount> {
  return countCapped(Prisma.sql`FROM traces t WHERE ${Prisma.join(traceListConditions(projectId, filters, reader), " AND ")}`);
}

/** Just the ids of a filtered list in its order (review mode walks it), up to `max`. */
export async function listTraceIds(projectId: number, filters: TraceFilters, reader: AnnotationReader, max: number) {
  const sortColumn = sortColumns[filters.sort];
  const direction = filters.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return prisma.$queryRaw<{ id: number; traceId: string }[]>`
    SELECT t.id, t.trace_id AS "traceId" FROM traces t
    WHERE ${Prisma.join(traceListConditions(projectId, filters, reader), " AND ")}
    ORDER BY ${sortColumn} ${direction}, t.id ${direction}
    LIMIT ${max}`;
}

/** Every id of a filtered list, as one SELECT to embed (a queue's INSERT … SELECT), no limit. */
export function traceIdsSql(projectId: number, filters: TraceFilters, reader: AnnotationReader): Prisma.Sql {
  return Prisma.sql`SELECT t.id FROM traces t WHERE ${Prisma.join(traceListConditions(projectId, filters, reader), " AND ")}`;
}
