import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether queue item `i` still has its target, for a queue whose target kind is
 * the SQL expression `kind`. A deleted trace, span or session leaves its items
 * in the queue (the queue page says "deleted"); this keeps them from being
 * handed out (claimNextSql) or held (lib/deletion/purge-targets.ts).
 * One primary-key probe per item looked at.
 */
export const queueTargetExists = (kind: Prisma.Sql) => Prisma.sql`(CASE ${kind}
  WHEN 'TRACE' THEN EXISTS (SELECT 1 FROM traces t WHERE t.id = i.target_id)
  WHEN 'SPAN' THEN EXISTS (SELECT 1 FROM spans s WHERE s.id = i.target_id)
  ELSE EXISTS (SELECT 1 FROM sessions s WHERE s.id = i.target_id) END)`;
