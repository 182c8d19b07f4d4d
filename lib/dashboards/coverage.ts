import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { annotationReader } from "@/lib/review/blind-review";
import type { DashboardFilters } from "./dashboard-filters";
import type { CoverageDashboard, CoverageRow } from "./dashboard-types";
import { countedAnnotations, inRange, dashboardQuery, type ProjectRef } from "./dashboard-sql";

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
  // EXISTS in WHERE (not IN inside FILTER): Postgres plans it as a semi-join; a
  // hashed IN-subplan that outgrows work_mem would be re-run per row.
  const annotated = (target: Prisma.Sql, types: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM annotations a WHERE a.target_type IN (${types}) AND a.target_id = ${target} AND ${counted})`;
  const traceRange = inRange(Prisma.sql`t.start_time`, filters);
  const spanRange = inRange(Prisma.sql`sp.start_time`, filters);
  const sessionRange = inRange(Prisma.sql`s.start_time`, filters);

  const [row] = await dashboardQuery<{ rows: CoverageRow[] }[]>(Prisma.sql`
    SELECT json_build_array(
      json_build_object('targetKind', 'TRACE',
        'total', (SELECT count(*)::int FROM traces t WHERE t.project_id = ${project.id} AND ${traceRange}),
        'annotated', (SELECT count(*)::int FROM traces t WHERE t.project_id = ${project.id} AND ${traceRange}
          AND ${annotated(Prisma.sql`t.id`, Prisma.sql`'TRACE'`)})),
      json_build_object('targetKind', 'SPAN',
        'total', (SELECT count(*)::int FROM spans sp WHERE sp.project_id = ${project.id} AND ${spanRange}),
        'annotated', (SELECT count(*)::int FROM spans sp WHERE sp.project_id = ${project.id} AND ${spanRange}
          AND ${annotated(Prisma.sql`sp.id`, Prisma.sql`'SPAN', 'DOCUMENT'`)})),
      json_build_object('targetKind', 'SESSION',
        'total', (SELECT count(*)::int FROM sessions s WHERE s.project_id = ${project.id} AND ${sessionRange}),
        'annotated', (SELECT count(*)::int FROM sessions s WHERE s.project_id = ${project.id} AND ${sessionRange}
          AND ${annotated(Prisma.sql`s.id`, Prisma.sql`'SESSION'`)}))) AS rows`);
  return { rows: row.rows };
}
