import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { annotationReader, type AnnotationReader } from "@/lib/review/blind-review";
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
 * statement.
 *
 * Two paths, the same figures:
 * - rolled up (annotation_target_counts: counted values per target and
 *   annotator kind, kept by triggers on annotations) for a reader who sees every
 *   value and no reviewer filter: the annotated targets are counted there, joined
 *   to the target only for its start time when from/to are given;
 * - live, over the annotations (a semi-join per target kind): a blind-review
 *   reader or the reviewer filter (the rollup has no per-user counts).
 */
export async function coverageDashboard(actor: Actor | null, project: ProjectRef, filters: DashboardFilters): Promise<CoverageDashboard> {
  authorize(actor, "read");
  const reader = annotationReader(actor, project);
  const sql = coverageRollupServes(reader, filters) ? coverageRollupSql(project, filters) : coverageLiveSql(project, reader, filters);
  const [row] = await dashboardQuery<{ rows: CoverageRow[] }[]>(sql);
  return { rows: row.rows };
}

export const coverageRollupServes = (reader: AnnotationReader, filters: Pick<DashboardFilters, "reviewer">) => reader.seesAll && !filters.reviewer;

/** `target` (a row id) has a counted value; `types`: its annotations' target types; `rollupType`: the rollup's (documents count on their span). */
type Annotated = (target: Prisma.Sql, types: Prisma.Sql, rollupType: Prisma.Sql) => Prisma.Sql;

function coverageSql(project: ProjectRef, filters: DashboardFilters, annotated: Annotated, annotatedAll?: (type: Prisma.Sql) => Prisma.Sql): Prisma.Sql {
  const traceRange = inRange(Prisma.sql`t.start_time`, filters);
  const spanRange = inRange(Prisma.sql`sp.start_time`, filters);
  const sessionRange = inRange(Prisma.sql`s.start_time`, filters);
  // Without a range every annotated target of the project counts: the rollup alone answers (its rows go with their targets).
  const unbounded = !filters.from && !filters.to ? annotatedAll : undefined;
  const count = (table: string, alias: string, range: Prisma.Sql, target: Prisma.Sql, types: Prisma.Sql, rollupType: Prisma.Sql) => unbounded
    ? unbounded(rollupType)
    : Prisma.sql`(SELECT count(*)::int FROM ${Prisma.raw(table)} ${Prisma.raw(alias)} WHERE ${Prisma.raw(alias)}.project_id = ${project.id} AND ${range}
        AND ${annotated(target, types, rollupType)})`;
  return Prisma.sql`
    SELECT json_build_array(
      json_build_object('targetKind', 'TRACE',
        'total', (SELECT count(*)::int FROM traces t WHERE t.project_id = ${project.id} AND ${traceRange}),
        'annotated', ${count("traces", "t", traceRange, Prisma.sql`t.id`, Prisma.sql`'TRACE'`, Prisma.sql`'TRACE'`)}),
      json_build_object('targetKind', 'SPAN',
        'total', (SELECT count(*)::int FROM spans sp WHERE sp.project_id = ${project.id} AND ${spanRange}),
        'annotated', ${count("spans", "sp", spanRange, Prisma.sql`sp.id`, Prisma.sql`'SPAN', 'DOCUMENT'`, Prisma.sql`'SPAN'`)}),
      json_build_object('targetKind', 'SESSION',
        'total', (SELECT count(*)::int FROM sessions s WHERE s.project_id = ${project.id} AND ${sessionRange}),
        'annotated', ${count("sessions", "s", sessionRange, Prisma.sql`s.id`, Prisma.sql`'SESSION'`, Prisma.sql`'SESSION'`)})) AS rows`;
}

/** The live statement: each annotated count a semi-join on the annotations index. */
export function coverageLiveSql(project: ProjectRef, reader: AnnotationReader, filters: DashboardFilters): Prisma.Sql {
  const counted = countedAnnotations(Prisma.sql`a`, project.id, reader, { ...filters, kind: filters.kind ?? "HUMAN" });
  // EXISTS in WHERE (not IN inside FILTER): Postgres plans it as a semi-join; a
  // hashed IN-subplan that outgrows work_mem would be re-run per row.
  return coverageSql(project, filters, (target, types) =>
    Prisma.sql`EXISTS (SELECT 1 FROM annotations a WHERE a.target_type IN (${types}) AND a.target_id = ${target} AND ${counted})`);
}

/** The rolled-up statement (a reader who sees every value, no reviewer filter). Documents count on their span there already. */
export function coverageRollupSql(project: ProjectRef, filters: DashboardFilters): Prisma.Sql {
  const kind = Prisma.sql`${filters.kind ?? "HUMAN"}::"AnnotatorKind"`;
  return coverageSql(project, filters,
    (target, _types, rollupType) => Prisma.sql`EXISTS (SELECT 1 FROM annotation_target_counts c
      WHERE c.target_type = ${rollupType}::"AnnotationTarget" AND c.target_id = ${target} AND c.annotator_kind = ${kind})`,
    (type) => Prisma.sql`(SELECT count(*)::int FROM annotation_target_counts c
      WHERE c.project_id = ${project.id} AND c.target_type = ${type}::"AnnotationTarget" AND c.annotator_kind = ${kind})`);
}
