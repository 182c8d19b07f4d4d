import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// `npm test` / `npm run test:e2e` build the app, prepare a seeded database and
// set E2E_START_SERVER, PORT and E2E_BASE_URL. Run by hand (`npx playwright test`)
// it targets a server you already run, by default `npm start` on port 6006.
const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:6006";
const port = process.env.PORT ?? "6006";
// A second server on an empty, migrated database, for the first-run specs.
const emptyPort = process.env.E2E_EMPTY_PORT;
const emptyBaseURL = process.env.E2E_EMPTY_BASE_URL ?? (emptyPort && `http://127.0.0.1:${emptyPort}`);
const firstRunSpecs = /first-run\.spec\.ts$/;

// Debian's chromium (Playwright cannot download its own browsers here): its
// headless shell when installed, far lighter per page than the full browser.
// `npm test` passes the one it chose (scripts/test.ts) in CHROMIUM_PATH.
const executablePath =
  process.env.CHROMIUM_PATH ||
  ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell"].find((file) => existsSync(file)) ||
  "/usr/bin/chromium";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "screenshots/results",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Review flows take many steps; a loaded 2-core CI machine needs headroom.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    screenshot: "only-on-failure",
    // Recording a trace of every test (to keep the failing ones) cost a quarter
    // of the suite's CPU: 325 → 231 CPU-seconds on four specs. E2E_TRACE=1 turns
    // it back on when a failure needs one.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
  },
  projects: [
    // Signs in once per role (demo accounts) and saves the cookies in e2e/.auth/.
    { name: "setup", testMatch: /\.setup\.ts$/, fullyParallel: true, use: { ...chromium } },
    {
      name: "chromium",
      dependencies: ["setup"],
      testIgnore: firstRunSpecs,
      use: { ...chromium, storageState: "e2e/.auth/admin.json" },
    },
    ...(emptyBaseURL ? [{ name: "first-run", testMatch: firstRunSpecs, use: { ...chromium, baseURL: emptyBaseURL } }] : []),
  ],
  webServer: process.env.E2E_START_SERVER ? [nextStart(port, {}), ...(emptyPort ? [nextStart(emptyPort, emptyDatabaseEnv())] : [])] : undefined,
});

function nextStart(serverPort: string, env: Record<string, string>) {
  return {
    // What `npm start` serves with (scripts/serve.ts), on the test build.
    command: `node --import tsx scripts/serve.ts --hostname 127.0.0.1 --port ${serverPort}`,
    // Ready when the port accepts connections: a broken page then fails its
    // test at once instead of timing out the server start.
    port: Number(serverPort),
    env: { NEXT_TELEMETRY_DISABLED: "1", ...env },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
  };
}

// An empty DATABASE_URL selects PGlite (lib/db/config.ts).
function emptyDatabaseEnv(): Record<string, string> {
  const url = process.env.E2E_EMPTY_DATABASE_URL;
  return url ? { DATABASE_URL: url } : { DATABASE_URL: "", PGLITE_DATA_DIR: process.env.E2E_EMPTY_PGLITE_DATA_DIR ?? "" };
}
