import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { pgliteExtensions } from "@/lib/db/pglite-extensions";
import { createSchemaEngine, migrationsDir, noFilters, readMigrations, schemaPath } from "@/lib/db/schema-engine";
import { readFile } from "node:fs/promises";

// `npm run db:new-migration -- <name>`: the SQL that takes the committed migrations
// to prisma/schema.prisma, computed on an in-memory PGlite (its own shadow database).
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
// The adapter replays the migrations on a shadow PGlite it creates itself, without
// extensions: give it one that has the extensions the migrations create.
class PGliteWithExtensions extends PrismaPGlite {
  connectToShadowDb() {
    return new PrismaPGlite(new PGlite({ extensions: pgliteExtensions })).connect();
  }
}
const pglite = new PGlite({ extensions: pgliteExtensions });
const engine = await createSchemaEngine(new PGliteWithExtensions(pglite));
const { stdout } = await engine.diff({
  from: { tag: "migrations", ...(await readMigrations()) },
  to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] },
  script: true,
  exitCode: null,
  filters: noFilters,
});
const sql = (stdout ?? "").trim();
if (!sql || sql === "-- This is an empty migration.") {
  console.log("The schema matches the migrations: nothing to create.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), sql + "\n");
console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
process.exit(0);
