// First of the setup files, so before any test file imports lib/db (which reads
// DATABASE_URL / PGLITE_DATA_DIR when it opens the database). `npm test` and
// `npm run test:unit` pass one migrated database per Vitest worker in
// TEST_DATABASES (Postgres URLs or PGlite folders, a line each); the files a
// worker runs use its own, so files in parallel never empty each other's tables.
const databases = process.env.TEST_DATABASES?.split("\n").filter(Boolean) ?? [];
if (databases.length > 0) {
  const worker = Number(process.env.VITEST_POOL_ID) || 1;
  const database = databases[(worker - 1) % databases.length];
  if (/^postgres(ql)?:\/\//.test(database)) {
    process.env.DATABASE_URL = database;
    delete process.env.PGLITE_DATA_DIR;
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = database;
  }
}

export {};
