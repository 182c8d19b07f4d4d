import { PrismaClient } from "@/lib/generated/prisma/client";
import { openAdapter } from "@/lib/db/adapter";

// The one Prisma client. Only the domain layer (lib/) imports this module.
// Kept on globalThis in every environment: `next start` loads lib/ once for
// pages and actions and again for route handlers, and two clients would mean
// two pools, or two PGlite instances on one data folder (stale reads, corruption).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  return new PrismaClient({ adapter: openAdapter().factory });
}

export const prisma = (globalForPrisma.prisma ??= createClient());

export type Db = typeof prisma;
