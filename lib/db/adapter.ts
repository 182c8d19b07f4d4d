import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { databaseConfig, type DatabaseConfig } from "./config";
import { noteIfDatabaseUnavailable } from "./outage";
import { pgliteExtensions } from "./pglite-extensions";
import { acquirePgliteLock, releasePgliteLock } from "./pglite-lock";

export type OpenedAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
  /** Postgres: the pool Prisma queries through, for the few hot statements sent without Prisma (lib/db.ts). */
  pool?: pg.Pool;
};

// One PGlite instance per process and data folder: PGlite takes no lock across
// processes, so everything in this process must share it, including the
// separately bundled copies of this module that Next.js loads (hence globalThis),
// and other processes are kept out by a lock file (./pglite-lock.ts).
const shared = globalThis as unknown as { marginaliaPglites?: Map<string, PGlite> };
const pglites = (shared.marginaliaPglites ??= new Map<string, PGlite>());

function sharedPglite(dataDir: string): PGlite {
  let db = pglites.get(dataDir);
  if (!db) {
    mkdirSync(dataDir, { recursive: true });
    acquirePgliteLock(dataDir); // throws PgliteLockedError while another process has it
    db = new PGlite(dataDir, { extensions: pgliteExtensions });
    pglites.set(dataDir, db);
  }
  return db;
}

export function openAdapter(config: DatabaseConfig = databaseConfig()): OpenedAdapter {
  if (config.kind === "postgres") {
    const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    // Connections dropped by a stopping server tell the proxy before any query fails.
    // Idle connections are kept (idleTimeoutMillis 0) so there is always one to
    // be dropped: a pool emptied after a quiet spell would let the first page of
    // an outage fail with a 500 before anything noticed. allowExitOnIdle keeps
    // scripts from hanging on them.
    const options = { onPoolError: noteIfDatabaseUnavailable, onConnectionError: noteIfDatabaseUnavailable };
    const pool = new pg.Pool({ connectionString: config.url, max: poolSize, idleTimeoutMillis: 0, allowExitOnIdle: true });
    // Prisma ends it on $disconnect, as it ends a pool it made itself.
    return { factory: new PrismaPg(pool, { ...options, disposeExternalPool: true }), close: async () => {}, pool };
  }
  const pglite = sharedPglite(config.dataDir);
  return {
    factory: new PrismaPGlite(pglite),
    close: async () => {
      pglites.delete(config.dataDir);
      try {
        await pglite.close();
      } finally {
        releasePgliteLock(config.dataDir);
      }
    },
  };
}
