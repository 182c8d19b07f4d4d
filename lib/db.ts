import { PrismaClient } from "@/lib/generated/prisma/client";
import { openAdapter } from "@/lib/db/adapter";
import type { Pool } from "pg";

// The one Prisma client. Only the domain layer (lib/) imports this module.
// Kept on globalThis in every environment: `next start` loads lib/ once for
// pages and actions and again for route handlers, and two clients would mean
// two pools, or two PGlite instances on one data folder (stale reads, corruption).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaPool?: Pool };

function createClient() {
  const adapter = openAdapter();
  globalForPrisma.prismaPool = adapter.pool;
  return new PrismaClient({ adapter: adapter.factory });
}

export const prisma = (globalForPrisma.prisma ??= createClient());

/**
 * Postgres: the pool under `prisma`, for a statement so hot that Prisma's own
 * per-query work would cost more than the query (issue 12: a single annotation
 * write). Null on PGlite, or once `$disconnect` has ended it: use `prisma` then.
 */
export function prismaPool(): Pool | null {
  const pool = globalForPrisma.prisma === prisma ? globalForPrisma.prismaPool : undefined;
  return pool && !pool.ended ? pool : null;
}

export type Db = typeof prisma;
