import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { annotationReader } from "@/lib/review/blind-review";
import type { DashboardFilters } from "./dashboard-filters";
import type { ProgressDashboard, ProgressPoint } from "./dashboard-types";
import { bucketStart, bucketText, countedAnnotations, inRange, dashboardQuery, type ProjectRef } from "./dashboard-sql";

/**
 * Reviewer progress: labels and scores written per reviewer per day/week (UTC)
 * of their creation. Progress is about when the work was done, so here from/to
 * bound the annotation's created_at (not the target's start). A reviewer is a
 * user (by name), or for values written without a user (an LLM judge, a system
 * key) the annotation's identifier. Notes and adjudicated values are left out
 * (countedAnnotations); reviewer / kind filters and blind review apply. One
 * statement, grouped on ids first and named after.
 */
export async function progressDashboard(actor: Actor | null, project: ProjectRef, filters: DashboardFilters): Promise<ProgressDashboard> {
  authorize(actor, "read");
  const reader = annotationReader(actor, project);
  const rows = await dashboardQuery<ProgressPoint[]>(Prisma.sql`
    SELECT ${bucketText(Prisma.sql`g.bucket`)} AS bucket, g.user_id::text AS "userId",
      coalesce(u.name, nullif(g.identifier, ''), 'anonymous') AS reviewer, g.n AS count
    FROM (
      SELECT ${bucketStart(Prisma.sql`a.created_at`, filters.bucket)} AS bucket, a.user_id,
        CASE WHEN a.user_id IS NULL THEN a.identifier END AS identifier, count(*)::int AS n
      FROM annotations a
      WHERE ${countedAnnotations(Prisma.sql`a`, project.id, reader, filters)} AND ${inRange(Prisma.sql`a.created_at`, filters)}
      GROUP BY 1, 2, 3
    ) g LEFT JOIN users u ON u.id = g.user_id
    ORDER BY g.bucket, reviewer, g.user_id`);
  return { rows };
}
