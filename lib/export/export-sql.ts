import { Prisma } from "@/lib/generated/prisma/client";
import type { QueueTargetKind } from "@/lib/generated/prisma/enums";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import { ADJUDICATED_IDENTIFIER } from "@/lib/adjudication/adjudication-types";
import { finalValuesSql } from "@/lib/adjudication/final-value";
import { visibleAnnotation, type AnnotationReader } from "@/lib/review/blind-review";
import { traceIdsSql } from "@/lib/traces/list-traces";
import { hasTraceFilters, traceFiltersOf, type ExportQuery } from "./export-query";

/** The long form's columns, in file order (CSV header, JSONL keys). */
export const longColumns = [
  "target_type", "span_id", "trace_id", "session_id", "document_position", "span_name", "span_kind",
  "name", "label", "score", "explanation", "annotator_kind", "identifier", "user_email", "source", "created_at", "updated_at",
] as const;

/** The wide form's leading columns: which target the row is about. */
export const wideTargetColumns = ["target_type", "span_id", "trace_id", "session_id", "document_position", "span_name", "span_kind"] as const;

/**
 * Who wrote an annotation, as the wide form names its column: the user's email
 * (a reviewer in the app, or a user's key with no identifier of its own), the
 * email and identifier for a user's key with one, else the identifier (an LLM
 * judge over the API), else the annotator kind.
 */
export const annotatorSql = Prisma.sql`CASE
  WHEN u.email IS NOT NULL AND a.identifier IN ('', 'px-app:' || a.user_id::text) THEN u.email
  WHEN u.email IS NOT NULL THEN u.email || ' ' || a.identifier
  ELSE COALESCE(NULLIF(a.identifier, ''), lower(a.annotator_kind::text)) END`;

const queueTargetTypes: Record<QueueTargetKind, Prisma.Sql> = {
  TRACE: Prisma.sql`('TRACE')`,
  // A span's documents are part of the span a queue item names.
  SPAN: Prisma.sql`('SPAN', 'DOCUMENT')`,
  SESSION: Prisma.sql`('SESSION')`,
};

/**
 * The WHERE conditions (annotations aliased `a`) of an export: the project, what
 * the reader may see (blind review), the rubrics, the write dates, the queue's
 * targets, and the traces list's filters (annotations on a matching trace, its
 * spans and documents, or its session).
 */
export function exportConditions(
  projectId: number,
  query: ExportQuery,
  reader: AnnotationReader,
  queue: { id: number; targetKind: QueueTargetKind } | null,
): Prisma.Sql[] {
  const conditions = [Prisma.sql`a.project_id = ${projectId}`, visibleAnnotation(Prisma.sql`a`, reader)];
  if (query.rubric) conditions.push(Prisma.sql`a.name = ANY(${query.rubric}::text[])`);
  if (query.annotatedFrom) conditions.push(Prisma.sql`a.updated_at >= ${query.annotatedFrom}`);
  if (query.annotatedTo) conditions.push(Prisma.sql`a.updated_at <= ${query.annotatedTo}`);
  if (queue) {
    conditions.push(Prisma.sql`a.target_type::text IN ${queueTargetTypes[queue.targetKind]}
      AND a.target_id IN (SELECT qi.target_id FROM queue_items qi WHERE qi.queue_id = ${queue.id})`);
  }
  if (hasTraceFilters(query)) {
    const traces = traceIdsSql(projectId, traceFiltersOf(query), reader);
    conditions.push(Prisma.sql`(a.trace_row_id IN (${traces})
      OR (a.target_type = 'SESSION' AND a.session_row_id IN (SELECT t.session_row_id FROM traces t WHERE t.id IN (${traces}))))`);
  }
  return conditions;
}

// The target's ids and its span (a trace's root span), from a row aliased `g` with
// span_row_id, trace_row_id, session_row_id, target_type and document_position.
const targetSelect = Prisma.sql`
  g.target_type::text AS target_type, sp.span_id, t.trace_id, s.session_id,
  CASE WHEN g.target_type = 'DOCUMENT' THEN g.document_position END AS document_position,
  COALESCE(sp.name, t.root_span_name) AS span_name, COALESCE(sp.span_kind, t.root_span_kind)::text AS span_kind`;
const targetJoins = Prisma.sql`
  LEFT JOIN spans sp ON sp.id = g.span_row_id
  LEFT JOIN traces t ON t.id = g.trace_row_id
  LEFT JOIN sessions s ON s.id = COALESCE(g.session_row_id, t.session_row_id)`;

// ISO 8601 in UTC with milliseconds, as JavaScript writes dates (JSON would carry the session's offset).
const isoTime = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const whereAll = (conditions: Prisma.Sql[]) => Prisma.join(conditions.map((c) => Prisma.sql`(${c})`), " AND ");

/** One row per annotation, in write order (the primary key: a cursor streams it from the first row). */
export function longFormSql(conditions: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`
    SELECT ${targetSelect},
      g.name, g.label, g.score, g.explanation, g.annotator_kind::text AS annotator_kind, g.identifier,
      u.email AS user_email, g.source::text AS source, ${isoTime(Prisma.sql`g.created_at`)} AS created_at,
      ${isoTime(Prisma.sql`g.updated_at`)} AS updated_at
    FROM (
      SELECT a.id, a.target_type, a.document_position, a.span_row_id, a.trace_row_id, a.session_row_id, a.name, a.label,
        a.score, a.explanation, a.annotator_kind, a.identifier, a.user_id, a.source, a.created_at, a.updated_at
      FROM annotations a WHERE ${whereAll(conditions)}
    ) g
    ${targetJoins}
    LEFT JOIN users u ON u.id = g.user_id
    ORDER BY g.id`;
}

export type WideColumn = { name: string; annotator: string; hasLabel: boolean; hasScore: boolean };

/** The (rubric, annotator) pairs an export's wide form has columns for: one small grouped query. */
export function wideColumnsSql(conditions: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`
    SELECT a.name, ${annotatorSql} AS annotator, bool_or(a.label IS NOT NULL) AS "hasLabel", bool_or(a.score IS NOT NULL) AS "hasScore"
    FROM annotations a LEFT JOIN users u ON u.id = a.user_id
    WHERE ${whereAll(conditions)} AND a.name <> ${RESERVED_NOTE_NAME} AND a.identifier <> ${ADJUDICATED_IDENTIFIER}
    GROUP BY 1, 2
    ORDER BY 1, 2`;
}

export type WideLayout = { header: string[]; sql: Prisma.Sql };

/**
 * One row per target: a label and/or score column per (rubric, annotator) —
 * `rubric[annotator].label`, `rubric[annotator].score` — pivoted in SQL with
 * FILTER aggregates; with notes selected, `notes` (every visible note on the
 * target, oldest first); then per rubric its final value (lib/adjudication/final-value.ts):
 * `rubric.final_label`, `rubric.final_score`, `rubric.final_source` (adjudicated, reviewers or disputed).
 */
export function wideFormSql(conditions: Prisma.Sql[], columns: WideColumn[], withNotes: boolean): WideLayout {
  const header: string[] = [...wideTargetColumns];
  const pivots: Prisma.Sql[] = [];
  const finals: Prisma.Sql[] = [];
  const picked: Prisma.Sql[] = [];
  const add = (into: Prisma.Sql[], from: "g" | "fv", name: string, expression: Prisma.Sql) => {
    const alias = `c${header.length}`;
    into.push(Prisma.sql`${expression} AS ${Prisma.raw(alias)}`);
    picked.push(Prisma.raw(`${from}.${alias}`));
    header.push(name);
  };
  for (const column of columns) {
    const match = Prisma.sql`m.name = ${column.name} AND m.annotator = ${column.annotator}`;
    if (column.hasLabel) add(pivots, "g", `${column.name}[${column.annotator}].label`, Prisma.sql`max(m.label) FILTER (WHERE ${match})`);
    if (column.hasScore) add(pivots, "g", `${column.name}[${column.annotator}].score`, Prisma.sql`max(m.score) FILTER (WHERE ${match})`);
  }
  if (withNotes) {
    add(pivots, "g", "notes", Prisma.sql`string_agg(m.explanation, E'\n\n' ORDER BY m.created_at, m.id) FILTER (WHERE m.name = ${RESERVED_NOTE_NAME})`);
  }
  for (const rubric of new Set(columns.map((c) => c.name))) {
    add(finals, "fv", `${rubric}.final_label`, Prisma.sql`max(f.final_label) FILTER (WHERE f.name = ${rubric})`);
    add(finals, "fv", `${rubric}.final_score`, Prisma.sql`max(f.final_score) FILTER (WHERE f.name = ${rubric})`);
    add(finals, "fv", `${rubric}.final_source`, Prisma.sql`max(f.final_source) FILTER (WHERE f.name = ${rubric})`);
  }
  const where = whereAll(conditions);
  const extra = (list: Prisma.Sql[]) => (list.length ? Prisma.sql`, ${Prisma.join(list)}` : Prisma.empty);
  const sql = Prisma.sql`
    WITH grouped AS (
      SELECT m.target_type, m.target_id, m.document_position,
        max(m.span_row_id) AS span_row_id, max(m.trace_row_id) AS trace_row_id, max(m.session_row_id) AS session_row_id
        ${extra(pivots)}
      FROM (
        SELECT a.id, a.target_type, a.target_id, a.document_position, a.span_row_id, a.trace_row_id, a.session_row_id,
          a.name, ${annotatorSql} AS annotator, a.label, a.score, a.explanation, a.created_at
        FROM annotations a LEFT JOIN users u ON u.id = a.user_id
        WHERE ${where}
      ) m
      GROUP BY m.target_type, m.target_id, m.document_position
    ),
    finals AS (
      SELECT f.target_type, f.target_id, f.document_position ${extra(finals)}
      FROM (${finalValuesSql(where)}) f
      GROUP BY f.target_type, f.target_id, f.document_position
    )
    SELECT ${targetSelect} ${extra(picked)}
    FROM grouped g
    LEFT JOIN finals fv ON fv.target_type = g.target_type AND fv.target_id = g.target_id AND fv.document_position = g.document_position
    ${targetJoins}
    ORDER BY g.target_type, g.target_id, g.document_position`;
  return { header, sql };
}
