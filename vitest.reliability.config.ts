import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:reliability` (and the last stage of `npm test`): hostile and
// careless clients, concurrency, outages. Tests here may start their own
// servers from the test build (tests/reliability/servers.ts) and their own
// Postgres clusters; scripts/test.ts passes the build folder and an admin URL.
export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: {
      "server-only": fileURLToPath(new URL("./tests/setup/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["tests/reliability/**/*.test.ts"],
    fileParallelism: false,
    setupFiles: ["tests/setup/close-database.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
