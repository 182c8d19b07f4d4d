import { applyPendingMigrations } from "@/lib/db/migrate";
import { claimEmbeddedDatabaseOrExit } from "@/lib/db/claim-embedded-database";
import { databaseConfig } from "@/lib/db/config";

const config = databaseConfig();
claimEmbeddedDatabaseOrExit(config);
const applied = await applyPendingMigrations(config);
const where = config.kind === "postgres" ? "Postgres" : `PGlite at ${config.dataDir}`;
console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}` : `${where} is up to date.`);
process.exit(0);
