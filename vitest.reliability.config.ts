import { defineConfig } from "vitest/config";
import unit from "./vitest.config";

// `npm run test:reliability` (and the last stage of `npm test`): hostile and
// careless clients, concurrency, outages. Tests here may start their own
// servers from the test build (tests/reliability/servers.ts) and their own
// Postgres clusters; scripts/test.ts passes the build folder and an admin URL.
// Otherwise as the unit tests (aliases, one file at a time, database set-up).
export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    include: ["tests/reliability/**/*.test.ts"],
    // One file at a time: these tests start servers and clusters of their own.
    fileParallelism: false,
    maxWorkers: 1,
    exclude: ["node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
