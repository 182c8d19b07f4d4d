import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SpanKind, StatusCode } from "@/lib/generated/prisma/enums";
import { attributeMatchSql } from "./attribute-match";
import type { AttributeFilter } from "./span-attribute-filter";

// The span search behind Phoenix's `GET /v1/projects/{project}/spans` (and its
// OTLP-shaped twin): newest first on the (project, start_time, id) index.
// Pages are keyset: the cursor is the first row of the next page, inclusive.

export type SpanQuery = {
  limit: number;
  cursorId?: number;
  startTime?: Date;
  endTime?: Date;
  traceIds?: string[];
  spanIds?: string[];
  parentId?: string | null; // null: root spans only
  names?: string[];
  spanKinds?: SpanKind[];
  statusCodes?: StatusCode[];
  attributes?: AttributeFilter[];
};

export type SpanRecord = {
  id: number;
  spanId: string;
  traceId: string;
  parentSpanId: string | null;
  name: string;
  spanKind: SpanKind;
  statusCode: StatusCode;
  statusMessage: string;
  startTime: Date;
  endTime: Date;
  attributes: Record<string, unknown>;
  events: { name?: string; timestamp?: string; attributes?: Record<string, unknown> }[];
};

export type SpanPage = { rows: SpanRecord[]; nextId: number | null };

function conditionsOf(projectId: number, query: SpanQuery): Prisma.Sql[] {
  const where = [Prisma.sql`s.project_id = ${projectId}`];
  if (query.startTime) where.push(Prisma.sql`s.start_time >= ${query.startTime}`);
  if (query.endTime) where.push(Prisma.sql`s.start_time < ${query.endTime}`);
  if (query.traceIds) where.push(Prisma.sql`t.trace_id = ANY(${query.traceIds}::text[])`);
  if (query.spanIds) where.push(Prisma.sql`s.span_id = ANY(${query.spanIds}::text[])`);
  if (query.parentId === null) where.push(Prisma.sql`s.parent_span_id IS NULL`);
  else if (query.parentId !== undefined) where.push(Prisma.sql`s.parent_span_id = ${query.parentId}`);
  if (query.names) where.push(Prisma.sql`s.name = ANY(${query.names}::text[])`);
  if (query.spanKinds) where.push(Prisma.sql`s.span_kind = ANY(${query.spanKinds}::text[]::"SpanKind"[])`);
  if (query.statusCodes) where.push(Prisma.sql`s.status_code = ANY(${query.statusCodes}::text[]::"StatusCode"[])`);
  // A dot path is a flat key or a path inside a JSON value (lib/spans/attribute-match.ts).
  if (query.attributes?.length) where.push(attributeMatchSql(query.attributes));
  if (query.cursorId !== undefined) {
    where.push(Prisma.sql`(s.start_time, s.id) <= ((SELECT c.start_time FROM spans c WHERE c.id = ${query.cursorId}), ${query.cursorId})`);
  }
  return where;
}

export async function querySpans(projectId: number, query: SpanQuery): Promise<SpanPage> {
  const rows = await prisma.$queryRaw<SpanRecord[]>`
    SELECT s.id, s.span_id AS "spanId", t.trace_id AS "traceId", s.parent_span_id AS "parentSpanId", s.name,
      s.span_kind AS "spanKind", s.status_code AS "statusCode", s.status_message AS "statusMessage",
      s.start_time AS "startTime", s.end_time AS "endTime", s.attributes, s.events
    FROM spans s JOIN traces t ON t.id = s.trace_row_id
    WHERE ${Prisma.join(conditionsOf(projectId, query), " AND ")}
    ORDER BY s.start_time DESC, s.id DESC
    LIMIT ${query.limit + 1}`;
  const extra = rows.length > query.limit ? rows.pop()! : null;
  return { rows, nextId: extra?.id ?? null };
}
