import { Prisma } from "@/lib/generated/prisma/client";

// The SQL that decides what an open disagreement is, shared by the list and the
// chooser's counts so both always agree.

/** `a` and `b` are rows of the same (target, rubric) key. */
export const sameKey = (a: Prisma.Sql, b: Prisma.Sql) => Prisma.sql`${a}.target_type = ${b}.target_type
  AND ${a}.target_id = ${b}.target_id AND ${a}.document_position = ${b}.document_position AND ${a}.name = ${b}.name`;

/**
 * The project's keys where reviewers disagree and no final value is recorded
 * yet, from the rollup agreement_items (migration 20261204003000_agreement_items,
 * kept by triggers on annotations) and `rubrics` (name, type): over the
 * reviewers' rows (HUMAN annotations but the adjudicated one), categorical, two
 * or more different labels; continuous, max − min of the scores above
 * `threshold` (never below 0: two different scores at least). Rows without a
 * value do not count. `targets`: an extra condition on `i` (a queue's items).
 * Columns: the key and last_at, the latest change among the reviewers' rows.
 * One branch per rubric type, each on its partial index (whose condition it repeats).
 */
export const openKeys = (projectId: number, rubrics: Prisma.Sql, threshold: number, targets: Prisma.Sql = Prisma.empty) => Prisma.sql`
  SELECT i.target_type, i.target_id, i.document_position, i.name, i.human_last_at AS last_at
  FROM agreement_items i JOIN ${rubrics} r ON r.name = i.name AND r.type = 'CATEGORICAL'
  WHERE i.project_id = ${projectId} AND NOT i.adjudicated AND i.human_labels > 1 ${targets}
  UNION ALL
  SELECT i.target_type, i.target_id, i.document_position, i.name, i.human_last_at AS last_at
  FROM agreement_items i JOIN ${rubrics} r ON r.name = i.name AND r.type = 'CONTINUOUS'
  WHERE i.project_id = ${projectId} AND NOT i.adjudicated AND i.human_max > i.human_min
    AND i.human_max - i.human_min > ${threshold}::float8 ${targets}`;
