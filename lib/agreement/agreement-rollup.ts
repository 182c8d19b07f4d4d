import { prisma } from "@/lib/db";

/**
 * Unmerged pattern rows of a project above which a read merges them first. A
 * write statement appends at most two per item and value kind it changes (the
 * old pattern −1, the new +1); a read sums them per pattern, a few hundred rows
 * cost it under a millisecond or so.
 */
export const MERGE_AFTER_ROWS = 2000;

/**
 * Merges a project's agreement_pattern_counts (one row per pattern, merged =
 * true) once enough unmerged ones piled up. One statement: the rows it deletes
 * are the ones it sums, so rows appended meanwhile by writers stay as they are,
 * and a second merge running at once finds the rows gone and adds nothing.
 */
export async function mergeAgreementPatterns(projectId: number, { force = false } = {}): Promise<void> {
  if (!force) {
    const [{ pending }] = await prisma.$queryRaw<{ pending: number }[]>`
      SELECT count(*)::int AS pending FROM (
        SELECT 1 FROM agreement_pattern_counts WHERE project_id = ${projectId} AND NOT merged LIMIT ${MERGE_AFTER_ROWS + 1}) x`;
    if (pending <= MERGE_AFTER_ROWS) return;
  }
  await prisma.$executeRaw`
    WITH gone AS (DELETE FROM agreement_pattern_counts WHERE project_id = ${projectId} RETURNING *)
    INSERT INTO agreement_pattern_counts (project_id, name, scored, who, labels, scores, n, merged)
    SELECT project_id, name, scored, who, labels, scores, sum(n)::int, true
    FROM gone GROUP BY project_id, name, scored, who, labels, scores
    HAVING sum(n) <> 0`;
}
