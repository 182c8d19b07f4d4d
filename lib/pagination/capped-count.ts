import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Lists show how many rows match, up to a cap: counting stops at the cap + 1
// row, so a broad filter over 100k traces costs what reading 1,001 ids costs.
export const COUNT_CAP = 1000;

export type CappedCount = { count: number; capped: boolean };

/** Rows of `from` (a FROM … WHERE … clause), counted up to COUNT_CAP. */
export async function countCapped(from: Prisma.Sql): Promise<CappedCount> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1}) capped`;
  return row.n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: row.n, capped: false };
}

/** "37 sessions", "1 trace", "1,000+ spans". */
export function formatCappedCount({ count, capped }: CappedCount, noun: string): string {
  return `${count.toLocaleString("en-US")}${capped ? "+" : ""} ${count === 1 && !capped ? noun : `${noun}s`}`;
}
