import { prisma, prismaPool } from "@/lib/db";
import type { AnnotationSource, AnnotationTarget } from "@/lib/generated/prisma/enums";
import type { TargetKind } from "./targets";

// One annotation, one key: what most API traffic is (a client posting results
// one by one). The batch statement (upsert-annotations.ts) handles any number
// of rows through arrays and checks, and Postgres re-plans its CTEs on every
// call, as no single generic plan suits every batch size; planning was most of
// a single write's database time (issue 12). This statement has scalar
// parameters and one fixed text per target type: on Postgres it goes out as a
// named prepared statement, so each connection parses it once and Postgres
// keeps one generic plan for it after a few runs. It is sent on the pool under
// Prisma (same connections, same outage handling) but not through Prisma,
// whose per-query work cost the app more CPU than the rest of the request.
//
// The checks are the batch statement's, for one row: the target row must
// exist (`found`); a document's position must be one of its span's documents
// (nothing is written otherwise: `documentCount` says why); and a key someone
// else wrote is overwritten only by a role that may overwrite others: the ON
// CONFLICT clause's WHERE leaves such a row alone, so no id comes back. With
// one row that one check covers both the key that was there before and the
// one a concurrent writer created first, so no separate look-up is needed.

// The target row, as an annotation row stores it ($1: its external id).
const targets: Record<TargetKind | "DOCUMENT", string> = {
  SPAN: `SELECT id AS target_id, project_id, id AS span_row_id, trace_row_id, NULL::int AS session_row_id,
    document_count FROM spans WHERE span_id = $1::text`,
  TRACE: `SELECT id AS target_id, project_id, NULL::int AS span_row_id, id AS trace_row_id,
    NULL::int AS session_row_id, 0 AS document_count FROM traces WHERE trace_id = $1::text`,
  SESSION: `SELECT id AS target_id, project_id, NULL::int AS span_row_id, NULL::int AS trace_row_id,
    id AS session_row_id, 0 AS document_count FROM sessions WHERE session_id = $1::text`,
  DOCUMENT: `SELECT id AS target_id, project_id, id AS span_row_id, trace_row_id, NULL::int AS session_row_id,
    document_count FROM spans WHERE span_id = $1::text`,
};

function statementFor(kind: TargetKind | "DOCUMENT"): string {
  // Documents only: a position within the span's documents (-1, no position, is refused like Phoenix).
  const inRange = kind === "DOCUMENT" ? "WHERE $3::int >= 0 AND $3::int < document_count" : "";
  return `
    WITH target AS (${targets[kind]}),
    written AS (
      INSERT INTO annotations (target_type, target_id, document_position, name, identifier, project_id,
        span_row_id, trace_row_id, session_row_id, label, score, explanation, metadata, annotator_kind, source, user_id)
      SELECT $2::"AnnotationTarget", target_id, $3::int, $4::text, $5::text, project_id, span_row_id, trace_row_id,
        session_row_id, $6::text, $7::float8, $8::text, $9::jsonb, $10::"AnnotatorKind", $11::"AnnotationSource", $12::uuid
      FROM target ${inRange}
      ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET
        label = EXCLUDED.label, score = EXCLUDED.score, explanation = EXCLUDED.explanation,
        metadata = EXCLUDED.metadata, annotator_kind = EXCLUDED.annotator_kind, source = EXCLUDED.source,
        user_id = EXCLUDED.user_id, updated_at = now()
      WHERE $13::boolean OR annotations.user_id IS NOT DISTINCT FROM EXCLUDED.user_id
      RETURNING id
    )
    SELECT (SELECT id FROM written) AS id, EXISTS (SELECT 1 FROM target) AS found,
      (SELECT document_count FROM target) AS "documentCount"`;
}

const statements = {
  SPAN: { name: "marginalia_upsert_one_span", text: statementFor("SPAN") },
  TRACE: { name: "marginalia_upsert_one_trace", text: statementFor("TRACE") },
  SESSION: { name: "marginalia_upsert_one_session", text: statementFor("SESSION") },
  DOCUMENT: { name: "marginalia_upsert_one_document", text: statementFor("DOCUMENT") },
} as const;

export type OneRow = {
  externalId: string;
  position: number;
  name: string;
  identifier: string;
  label: string | null;
  score: number | null;
  explanation: string | null;
  metadata: Record<string, unknown>;
  annotatorKind: string;
};

export type OneOutcome = { id: number | null; found: boolean; documentCount: number | null };

/** Writes one row (callers check the role and map the outcome to errors); `id` is null when nothing was written. */
export async function upsertOneAnnotation(
  target: AnnotationTarget,
  row: OneRow,
  source: AnnotationSource,
  userId: string | null,
  mayOverwrite: boolean,
): Promise<OneOutcome> {
  const { name, text } = statements[target];
  const values = [
    row.externalId, target, row.position, row.name, row.identifier, row.label, row.score, row.explanation,
    JSON.stringify(row.metadata), row.annotatorKind, source, userId, mayOverwrite,
  ];
  const pool = prismaPool();
  if (pool) return (await pool.query<OneOutcome>({ name, text, values })).rows[0];
  // PGlite (one connection, in process): through Prisma, planned per call.
  return (await prisma.$queryRawUnsafe<OneOutcome[]>(text, ...values))[0];
}
