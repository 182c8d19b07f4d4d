import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether queue item `i` still has its target, for a queue whose target kind is
 * the SQL expression `kind`. A deleted trace, span or session leaves its items
 * in the queue (the queue page says "deleted"); this keeps them from being
 * handed out (claimNextSql), held (lib/deletion/purge-targets.ts) or counted as
 * left to do (work-screen.ts).
 *
 * `probe`: one primary-key look-up per item, always. For claimNextSql, which
 * stops at the first claimable item: Postgres otherwise plans the EXISTS as a
 * hashed subplan, sized for every open item of the queue, and reads the whole
 * traces table on each claim (seen with the queue benchmark's --explain).
 * OFFSET 0 keeps the subquery from being turned into that hash.
 */
export function queueTargetExists(kind: Prisma.Sql, { probe = false } = {}): Prisma.Sql {
  const each = probe ? Prisma.sql`OFFSET 0` : Prisma.empty;
  return Prisma.sql`(CASE ${kind}
    WHEN 'TRACE' THEN EXISTS (SELECT 1 FROM traces t WHERE t.id = i.target_id ${each})
    WHEN 'SPAN' THEN EXISTS (SELECT 1 FROM spans s WHERE s.id = i.target_id ${each})
    ELSE EXISTS (SELECT 1 FROM sessions s WHERE s.id = i.target_id ${each}) END)`;
}
