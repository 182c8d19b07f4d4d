import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Run through `npm test` / `npm run test:unit`, which create a fresh test
// database and pass it in DATABASE_URL (Postgres) or PGLITE_DATA_DIR (PGlite).
const testDatabases = process.env.TEST_DATABASES?.split("\n").filter(Boolean).length ?? 0;

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: {
      // Next.js swaps this marker for an empty module on the server; Node would throw.
      "server-only": fileURLToPath(new URL("./tests/setup/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    // tests/reliability/ is its own stage (vitest.reliability.config.ts).
    exclude: ["e2e/**", "node_modules/**", ".next/**", "tests/reliability/**"],
    // Domain tests truncate their database between tests, so files run in
    // parallel only with a database per worker: scripts/test.ts passes them in
    // TEST_DATABASES and tests/setup/worker-database.ts hands them out. Without
    // (`npx vitest` by hand), one file at a time.
    fileParallelism: testDatabases > 1,
    maxWorkers: Math.max(1, testDatabases),
    setupFiles: ["tests/setup/worker-database.ts", "tests/setup/close-database.ts", "tests/setup/password-hash.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
