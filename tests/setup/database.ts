import path from "node:path";
import { beforeEach } from "vitest";
import { prisma, type Db } from "@/lib/db";
import { databaseConfig } from "@/lib/db/config";

// Domain tests run on the database `npm test` created for the run. Use:
//   const db = useTestDatabase();   // at the top of a test file
// and every test starts with empty tables (migrations stay applied).
// With { reset: "manual" } nothing is emptied per test: the file calls
// resetDatabase() itself where it needs to (e.g. once per group of read-only cases).
export function useTestDatabase({ reset = "each" }: { reset?: "each" | "manual" } = {}): Db {
  if (reset === "each") beforeEach(() => resetDatabase());
  return prisma;
}

let resetSql: string | undefined;
let fastReset = true;

// Empties every table but _prisma_migrations and restarts the ids. DELETE with
// triggers and foreign keys switched off (session_replication_role) is several
// times faster than TRUNCATE on small tables; TRUNCATE is the fallback for a
// role that may not set it.
export async function resetDatabase(db: Db = prisma): Promise<void> {
  await assertDisposableDatabase(db);
  resetSql ??= await buildResetSql(db);
  if (fastReset) {
    try {
      await db.$executeRawUnsafe(resetSql);
      return;
    } catch {
      fastReset = false;
    }
  }
  const tables = await tableNames(db);
  if (tables.length) await db.$executeRawUnsafe(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
}

async function buildResetSql(db: Db): Promise<string> {
  const sequences = await db.$queryRaw<{ name: string }[]>`
    SELECT c.oid::regclass::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'S' AND n.nspname = current_schema()`;
  const statements = [
    "SET LOCAL session_replication_role = replica",
    ...(await tableNames(db)).map((table) => `DELETE FROM ${table}`),
    ...sequences.map(({ name }) => `PERFORM setval('${name.replaceAll("'", "''")}', 1, false)`),
  ];
  return `DO $reset$ BEGIN ${statements.join("; ")}; END $reset$`;
}

async function tableNames(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  return rows.map((row) => `"${row.name.replaceAll('"', '""')}"`);
}

let checked = false;

// Truncating is destructive: refuse anything that is not a throwaway test
// database, e.g. `npx vitest` run by hand against the demo data in .data/.
async function assertDisposableDatabase(db: Db): Promise<void> {
  if (checked) return;
  const config = databaseConfig();
  if (config.kind === "postgres") {
    const [{ name }] = await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    if (!/test/i.test(name)) {
      throw new Error(`Refusing to truncate database "${name}": run the tests with \`npm test\` or \`npm run test:unit\`.`);
    }
  } else if (!process.env.PGLITE_DATA_DIR || config.dataDir === path.resolve(".data/pglite")) {
    throw new Error(`Refusing to truncate PGlite at ${config.dataDir}: run the tests with \`npm test\` or \`npm run test:unit\`.`);
  }
  checked = true;
}
