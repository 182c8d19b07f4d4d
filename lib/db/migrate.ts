import { openAdapter } from "./adapter";
import type { DatabaseConfig } from "./config";
import { createSchemaEngine, noFilters, readMigrations } from "./schema-engine";

// What `prisma migrate deploy` does, offline: apply pending migrations and
// record them in _prisma_migrations with the CLI's checksums.
export async function applyPendingMigrations(config?: DatabaseConfig): Promise<string[]> {
  const adapter = openAdapter(config);
  try {
    const engine = await createSchemaEngine(adapter.factory);
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: noFilters,
    });
    return appliedMigrationNames;
  } finally {
    await adapter.close();
  }
}
