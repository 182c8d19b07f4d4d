import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { AnnotationTarget } from "@/lib/generated/prisma/enums";

// What an annotation hangs on, resolved from the external id (OTel span or
// trace id, session id) to the row ids the annotation row stores.
export type ResolvedTarget = {
  externalId: string;
  targetId: number;
  projectId: number;
  spanRowId: number | null;
  traceRowId: number | null;
  sessionRowId: number | null;
  documentCount: number;
};

export type TargetKind = "SPAN" | "TRACE" | "SESSION";
const noun: Record<TargetKind, string> = { SPAN: "Spans", TRACE: "Traces", SESSION: "Sessions" };

/** Resolves every id or fails naming the missing ones (Phoenix's 404 text); one query. */
export async function resolveTargets(kind: TargetKind, externalIds: string[]): Promise<Map<string, ResolvedTarget>> {
  const ids = [...new Set(externalIds)];
  const rows = await lookup(kind, ids);
  const found = new Map(rows.map((row) => [row.externalId, row]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new NotFoundError(`${noun[kind]} with IDs ${missing.join(", ")} do not exist.`);
  return found;
}

function lookup(kind: TargetKind, ids: string[]): Promise<ResolvedTarget[]> {
  if (kind === "SPAN") {
    return prisma.$queryRaw<ResolvedTarget[]>`
      SELECT span_id AS "externalId", id AS "targetId", project_id AS "projectId", id AS "spanRowId",
        trace_row_id AS "traceRowId", NULL::int AS "sessionRowId", document_count AS "documentCount"
      FROM spans WHERE span_id = ANY(${ids}::text[])`;
  }
  if (kind === "TRACE") {
    return prisma.$queryRaw<ResolvedTarget[]>`
      SELECT trace_id AS "externalId", id AS "targetId", project_id AS "projectId", NULL::int AS "spanRowId",
        id AS "traceRowId", NULL::int AS "sessionRowId", 0 AS "documentCount"
      FROM traces WHERE trace_id = ANY(${ids}::text[])`;
  }
  return prisma.$queryRaw<ResolvedTarget[]>`
    SELECT session_id AS "externalId", id AS "targetId", project_id AS "projectId", NULL::int AS "spanRowId",
      NULL::int AS "traceRowId", id AS "sessionRowId", 0 AS "documentCount"
    FROM sessions WHERE session_id = ANY(${ids}::text[])`;
}

export const targetKindOf = (target: AnnotationTarget): TargetKind => (target === "DOCUMENT" ? "SPAN" : target);
