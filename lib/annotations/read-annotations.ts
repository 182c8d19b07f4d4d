import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationSource, AnnotatorKind } from "@/lib/generated/prisma/enums";
import { decodeCursor, toPage, type Page } from "@/lib/pagination/keyset";
import { visibleAnnotation, type AnnotationReader } from "@/lib/review/blind-review";

// Annotations of one project by target ids and/or identifiers, newest first, a
// keyset page per query (Phoenix: listSpanAnnotationsBySpanIds and siblings).
// Notes are annotations named "note" and come back too unless excluded.
// Under blind review, rows the reader may not see yet are left out (see
// lib/review/blind-review.ts): a Phoenix client then reads exactly the
// annotations it may, without null results it would take for real ones.
export type AnnotationReadKind = "SPAN" | "TRACE" | "SESSION" | "DOCUMENT";

export type AnnotationQuery = {
  kind: AnnotationReadKind;
  projectId: number;
  projectName: string;
  // Who reads, for blind review.
  reader: AnnotationReader;
  targetIds?: string[];
  identifiers?: string[];
  includeNames?: string[];
  excludeNames?: string[];
  limit: number;
  cursor?: string;
};

export type AnnotationRow = {
  id: number;
  createdAt: Date;
  updatedAt: Date;
  source: AnnotationSource;
  userId: string | null;
  name: string;
  annotatorKind: AnnotatorKind;
  label: string | null;
  score: number | null;
  explanation: string | null;
  metadata: Record<string, unknown>;
  identifier: string;
  // OTel span or trace id, or session id; documents also carry their position.
  targetId: string;
  documentPosition: number | null;
};

// Where each kind's external id lives; documents hang on spans.
const targets: Record<AnnotationReadKind, { table: Prisma.Sql; idColumn: Prisma.Sql; type: string; noun: string }> = {
  SPAN: { table: Prisma.sql`spans`, idColumn: Prisma.sql`span_id`, type: "SPAN", noun: "span" },
  DOCUMENT: { table: Prisma.sql`spans`, idColumn: Prisma.sql`span_id`, type: "DOCUMENT", noun: "span" },
  TRACE: { table: Prisma.sql`traces`, idColumn: Prisma.sql`trace_id`, type: "TRACE", noun: "trace" },
  SESSION: { table: Prisma.sql`sessions`, idColumn: Prisma.sql`session_id`, type: "SESSION", noun: "session" },
};

type RawRow = Omit<AnnotationRow, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };

export async function listAnnotations(actor: Actor | null, query: AnnotationQuery): Promise<Page<AnnotationRow>> {
  authorize(actor, "read");
  const target = targets[query.kind];
  const { targetIds, identifiers, includeNames, excludeNames } = query;
  const cursor = decodeCursor(query.cursor);

  const targetFilter = targetIds ? Prisma.sql`AND t.${target.idColumn} = ANY(${targetIds}::text[])` : Prisma.empty;
  const conditions = [
    Prisma.sql`a.project_id = ${query.projectId}`,
    Prisma.sql`a.target_type = ${target.type}::"AnnotationTarget"`,
    visibleAnnotation(Prisma.sql`a`, query.reader),
  ];
  if (identifiers) conditions.push(Prisma.sql`a.identifier = ANY(${identifiers}::text[])`);
  if (includeNames) conditions.push(Prisma.sql`a.name = ANY(${includeNames}::text[])`);
  if (excludeNames?.length) conditions.push(Prisma.sql`a.name <> ALL(${excludeNames}::text[])`);
  if (cursor) conditions.push(Prisma.sql`a.id < ${cursor.id}`);

  // One round trip: whether any requested target exists (for the 404) and the page.
  // Targets are filtered by project first, so ids of other projects never match.
  const [result] = await prisma.$queryRaw<{ found: number; rows: RawRow[] | null }[]>`
    WITH t AS (
      SELECT t.id, t.${target.idColumn} AS external_id FROM ${target.table} t
      WHERE t.project_id = ${query.projectId} ${targetFilter}
    ),
    page AS (
      SELECT a.id, a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.source, a.user_id AS "userId",
        a.name, a.annotator_kind AS "annotatorKind", a.label, a.score, a.explanation, a.metadata, a.identifier,
        t.external_id AS "targetId",
        CASE WHEN a.target_type = 'DOCUMENT' THEN a.document_position END AS "documentPosition"
      FROM annotations a JOIN t ON t.id = a.target_id
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY a.id DESC
      LIMIT ${query.limit + 1}
    )
    SELECT ${targetIds ? Prisma.sql`(SELECT count(*) FROM t)::int` : Prisma.sql`1`} AS found,
      (SELECT json_agg(page ORDER BY page.id DESC) FROM page) AS rows`;

  if (targetIds && result.found === 0) {
    throw new NotFoundError(`None of the given ${target.noun} IDs exist in project ${query.projectName}.`);
  }
  const rows = (result.rows ?? []).map((row) => ({ ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) }));
  return toPage(rows, query.limit, (row) => ({ value: row.id, id: row.id }));
}
