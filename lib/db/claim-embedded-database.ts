import { databaseConfig, type DatabaseConfig } from "./config";
import { acquirePgliteLock, PgliteLockedError } from "./pglite-lock";

/**
 * For commands and servers about to use the database: on embedded PGlite, take
 * its lock now (held until the database is closed or the process exits), or
 * print who holds it and exit non-zero, instead of failing later with a stack trace.
 */
export function claimEmbeddedDatabaseOrExit(config: DatabaseConfig = databaseConfig()): void {
  if (config.kind !== "pglite") return;
  try {
    acquirePgliteLock(config.dataDir);
  } catch (error) {
    if (!(error instanceof PgliteLockedError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
