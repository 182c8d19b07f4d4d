import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Run through `npm test` / `npm run test:unit`, which create a fresh test
// database and pass it in DATABASE_URL (Postgres) or PGLITE_DATA_DIR (PGlite).
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
    // One file at a time: domain tests share one database and truncate it
    // between tests, and PGlite is single-process anyway.
    fileParallelism: false,
    setupFiles: ["tests/setup/close-database.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
