import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The append-only rollups: statement triggers on annotations append one row of
 * net change (n, may be negative) per key a write touched, and readers sum n per
 * key. Each rollup's table and the columns that make its key.
 */
const rollups = {
  annotation_daily_counts: ["project_id", "day", "annotator_kind", "user_id", "identifier"],
  annotation_rubric_counts: ["project_id", "name", "target_type", "day", "annotator_kind", "span_kind", "root_name", "in_project", "label", "score"],
  agreement_pattern_counts: ["project_id", "name", "scored", "who", "labels", "scores"],
} as const;

export type AppendOnlyRollup = keyof typeof rollups;

/**
 * Merges a project's rows of a rollup into one per key (merged = true) once more
 * than `after` unmerged ones piled up (always with `force`). One statement: the
 * rows it deletes are the ones it sums, so rows appended meanwhile by writers
 * stay as they are, and a second merge running at once finds the rows gone and
 * adds nothing.
 */
export async function mergeRollup(table: AppendOnlyRollup, projectId: number, { after, force = false }: { after: number; force?: boolean }): Promise<void> {
  // Table and column names come from the constant above, never from input.
  const rows = Prisma.raw(table);
  const key = Prisma.raw(rollups[table].join(", "));
  if (!force) {
    const [{ pending }] = await prisma.$queryRaw<{ pending: number }[]>`
      SELECT count(*)::int AS pending FROM (
        SELECT 1 FROM ${rows} WHERE project_id = ${projectId} AND NOT merged LIMIT ${after + 1}) x`;
    if (pending <= after) return;
  }
  await prisma.$executeRaw`
    WITH gone AS (DELETE FROM ${rows} WHERE project_id = ${projectId} RETURNING *)
    INSERT INTO ${rows} (${key}, n, merged)
    SELECT ${key}, sum(n)::int, true FROM gone GROUP BY ${key}
    HAVING sum(n) <> 0`;
}
