import { afterAll } from "vitest";

// Runs after each test file. A file that used the database closes it here, so
// the next file (maybe in the same worker process) opens PGlite afresh instead
// of two instances sharing one data folder, and no Postgres pool lingers.
afterAll(async () => {
  const cache = globalThis as { prisma?: { $disconnect: () => Promise<void> } };
  if (!cache.prisma) return;
  await cache.prisma.$disconnect();
  delete cache.prisma;
  const { databaseConfig } = await import("@/lib/db/config");
  const config = databaseConfig();
  if (config.kind === "pglite") {
    const { openAdapter } = await import("@/lib/db/adapter");
    await openAdapter(config).close(); // the instance lib/db.ts shares
  }
});
