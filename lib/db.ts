import { PrismaClient } from "@/lib/generated/prisma/client";
import { openAdapter } from "@/lib/db/adapter";

// The one Prisma client. Only the domain layer (lib/) imports this module.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  return new PrismaClient({ adapter: openAdapter().factory });
}

export const prisma = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

export type Db = typeof prisma;
