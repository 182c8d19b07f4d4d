import { Prisma } from "@/lib/generated/prisma/client";

// The SQL that decides what a disagreement is, shared by the list and the
// chooser's counts so both always agree.

/** `a` and `b` are rows of the same (target, rubric) key. */
export const sameKey = (a: Prisma.Sql, b: Prisma.Sql) => Prisma.sql`${a}.target_type = ${b}.target_type
  AND ${a}.target_id = ${b}.target_id AND ${a}.document_position = ${b}.document_position AND ${a}.name = ${b}.name`;

/**
 * The keys where reviewers disagree, from `human` (reviewers' annotation rows,
 * the adjudicated one left out) and `rubrics` (name, type): categorical, two or
 * more different labels; continuous, max − min of the scores above `threshold`
 * (two different scores at least, as the threshold is never negative). Rows
 * without a value (a null label) do not count. Columns: the key and last_at,
 * the latest change among the values.
 */
export const disagreeingKeys = (human: Prisma.Sql, rubrics: Prisma.Sql, threshold: number) => Prisma.sql`
  SELECT h.target_type, h.target_id, h.document_position, h.name, max(h.updated_at) AS last_at
  FROM ${human} h JOIN ${rubrics} r ON r.name = h.name
  GROUP BY h.target_type, h.target_id, h.document_position, h.name, r.type
  HAVING (r.type = 'CATEGORICAL' AND count(DISTINCT h.label) > 1)
    OR (r.type = 'CONTINUOUS' AND max(h.score) - min(h.score) > ${threshold}::float8)`;
