import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";

/**
 * Names who deletes annotations in this transaction: the history trigger
 * (annotations_keep_history) records it as replaced_by_id on every row a
 * DELETE removes, directly or by cascade from a span, trace, session or
 * project. A system key (no user) is recorded as null.
 */
export async function setHistoryActor(tx: Prisma.TransactionClient, actor: Actor): Promise<void> {
  await tx.$executeRaw`SELECT set_config('marginalia.actor_id', ${actor.userId ?? ""}, true)`;
}
