import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { annotationReader } from "@/lib/review/blind-review";
import type { DashboardFilters } from "./dashboard-filters";
import type { CoverageDashboard, CoverageRow } from "./dashboard-types";
import { countedAnnotations, inRange, type ProjectRef } from "./dashboard-sql";

/**
 * Coverage: of the traces, spans and sessions whose start is in range, how many
 * carry at least one human annotation (any rubric; notes and the adjudicated
 * final value left out, see countedAnnotations). A span counts when it or one
 * of its retrieved documents was annotated. The kind filter replaces "human"
 * (kind=LLM: the share an LLM judged); the reviewer filter counts one person's
 * work. Under blind review the reader counts only what they may see. One
 * statement (each count a semi-join on the annotations index).
 */
export async function coverageDashboard(actor: Actor | null, project: ProjectRef, filters: DashboardFilters): Promise<CoverageDashboard> {
  authorize(actor, "read");
  const reader = annotationReader(actor, project);
  const counted = countedAnnotations(Prisma.sql`a`, project.id, reader, { ...filters, kind: filters.kind ?? "HUMAN" });
  const annotated = (types: Prisma.Sql) =>
    Prisma.sql`SELECT a.target_id FROM annotations a WHERE a.target_type IN (${types}) AND ${counted}`;

  const [row] = await prisma.$queryRaw<{ rows: CoverageRow[] }[]>`
    WITH trace_counts AS (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE t.id IN (${annotated(Prisma.sql`'TRACE'`)}))::int AS annotated
      FROM traces t WHERE t.project_id = ${project.id} AND ${inRange(Prisma.sql`t.start_time`, filters)}),
    span_counts AS (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE sp.id IN (${annotated(Prisma.sql`'SPAN', 'DOCUMENT'`)}))::int AS annotated
      FROM spans sp WHERE sp.project_id = ${project.id} AND ${inRange(Prisma.sql`sp.start_time`, filters)}),
    session_counts AS (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE s.id IN (${annotated(Prisma.sql`'SESSION'`)}))::int AS annotated
      FROM sessions s WHERE s.project_id = ${project.id} AND ${inRange(Prisma.sql`s.start_time`, filters)})
    SELECT json_build_array(
      (SELECT json_build_object('targetKind', 'TRACE', 'total', total, 'annotated', annotated) FROM trace_counts),
      (SELECT json_build_object('targetKind', 'SPAN', 'total', total, 'annotated', annotated) FROM span_counts),
      (SELECT json_build_object('targetKind', 'SESSION', 'total', total, 'annotated', annotated) FROM session_counts)) AS rows`;
  return { rows: row.rows };
}
