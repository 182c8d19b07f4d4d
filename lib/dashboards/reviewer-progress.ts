import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { mergeRollup } from "@/lib/dashboards/merge-rollup";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { annotationReader, type AnnotationReader } from "@/lib/review/blind-review";
import type { DashboardFilters } from "./dashboard-filters";
import type { ProgressDashboard, ProgressPoint } from "./dashboard-types";
import { bucketStart, bucketText, countedAnnotations, inRange, dashboardQuery, type ProjectRef } from "./dashboard-sql";

/** Unmerged rollup rows of a project above which a read merges them first (each write statement appends one per key it changed). */
export const MERGE_AFTER_ROWS = 1000;

/**
 * Reviewer progress: labels and scores written per reviewer per day/week (UTC)
 * of their creation. Progress is about when the work was done, so here from/to
 * bound the annotation's created_at (not the target's start). A reviewer is a
 * user (by name), or for values written without a user (an LLM judge, a system
 * key) the annotation's identifier. Notes and adjudicated values are left out
 * (countedAnnotations); reviewer / kind filters and blind review apply.
 *
 * Two paths, the same figures:
 * - rolled up (annotation_daily_counts, kept by triggers on annotations): when
 *   the reader sees every value and from/to fall on UTC midnights (the filter
 *   form's dates) — a few thousand rows instead of every annotation;
 * - live, over the annotations: a blind-review reader (who sees only the values
 *   visibleAnnotation allows, per target) or a bound within a day.
 */
export async function progressDashboard(actor: Actor | null, project: ProjectRef, filters: DashboardFilters): Promise<ProgressDashboard> {
  authorize(actor, "read");
  const reader = annotationReader(actor, project);
  if (rollupServes(reader, filters)) {
    await mergeDailyCounts(project.id);
    return { rows: await prisma.$queryRaw<ProgressPoint[]>(progressRollupSql(project, filters)) };
  }
  return { rows: await dashboardQuery<ProgressPoint[]>(progressLiveSql(project, reader, filters)) };
}

const atMidnight = (date: Date | undefined) => date === undefined || date.getTime() % 86_400_000 === 0;

/** Whether the rollup answers for this reader and these filters (see progressDashboard). */
export function rollupServes(reader: AnnotationReader, filters: Pick<DashboardFilters, "from" | "to">): boolean {
  return reader.seesAll && atMidnight(filters.from) && atMidnight(filters.to);
}

/** The live statement: every counted annotation the reader may see, grouped on ids first and named after. */
export function progressLiveSql(project: ProjectRef, reader: AnnotationReader, filters: DashboardFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT ${bucketText(Prisma.sql`g.bucket`)} AS bucket, g.user_id::text AS "userId",
      coalesce(u.name, nullif(g.identifier, ''), 'anonymous') AS reviewer, g.n AS count
    FROM (
      SELECT ${bucketStart(Prisma.sql`a.created_at`, filters.bucket)} AS bucket, a.user_id,
        CASE WHEN a.user_id IS NULL THEN a.identifier END AS identifier, count(*)::int AS n
      FROM annotations a
      WHERE ${countedAnnotations(Prisma.sql`a`, project.id, reader, filters)} AND ${inRange(Prisma.sql`a.created_at`, filters)}
      GROUP BY 1, 2, 3
    ) g LEFT JOIN users u ON u.id = g.user_id
    ORDER BY g.bucket, reviewer, g.user_id`;
}

/** The rolled-up statement: the same rows from annotation_daily_counts (day-aligned bounds, a reader who sees all). */
export function progressRollupSql(project: ProjectRef, filters: DashboardFilters): Prisma.Sql {
  const conditions = [Prisma.sql`c.project_id = ${project.id}`];
  if (filters.reviewer) conditions.push(Prisma.sql`c.user_id = ${filters.reviewer}::uuid`);
  if (filters.kind) conditions.push(Prisma.sql`c.annotator_kind = ${filters.kind}::"AnnotatorKind"`);
  if (filters.from) conditions.push(Prisma.sql`c.day >= ${filters.from.toISOString().slice(0, 10)}::date`);
  if (filters.to) conditions.push(Prisma.sql`c.day < ${filters.to.toISOString().slice(0, 10)}::date`);
  return Prisma.sql`
    SELECT ${bucketText(Prisma.sql`g.bucket`)} AS bucket, g.user_id::text AS "userId",
      coalesce(u.name, nullif(g.identifier, ''), 'anonymous') AS reviewer, g.n AS count
    FROM (
      SELECT date_trunc(${filters.bucket}::text, c.day::timestamp) AS bucket, c.user_id,
        CASE WHEN c.user_id IS NULL THEN c.identifier END AS identifier, sum(c.n)::int AS n
      FROM annotation_daily_counts c
      WHERE ${Prisma.join(conditions, " AND ")}
      GROUP BY 1, 2, 3
      HAVING sum(c.n) <> 0
    ) g LEFT JOIN users u ON u.id = g.user_id
    ORDER BY g.bucket, reviewer, g.user_id`;
}

/** Merges the project's annotation_daily_counts rows once enough unmerged ones piled up (see mergeRollup). */
export function mergeDailyCounts(projectId: number, { force = false } = {}): Promise<void> {
  return mergeRollup("annotation_daily_counts", projectId, { after: MERGE_AFTER_ROWS, force });
}
