// `npm test`: Vitest on a fresh database, then `next build` and Playwright
// against `next start` on another fresh database seeded with demo data.
// Then the reliability suite (tests/reliability/, which may start its own
// servers from that build). Ends with the line "N passed, N failed".
// `--unit` / `--e2e` / `--reliability` run one part, and then any other
// arguments go to Vitest / Playwright / Vitest.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const args = process.argv.slice(2);
const parts = ["--unit", "--e2e", "--reliability"];
const chosen = parts.filter((part) => args.includes(part));
const runs = (part: string) => chosen.length === 0 || chosen.includes(part);
const runUnit = runs("--unit");
const runE2e = runs("--e2e");
const runReliability = runs("--reliability");
const extraArgs = chosen.length === 1 ? args.filter((a) => !parts.includes(a)) : [];
const bin = (name: string) => path.resolve("node_modules", ".bin", name);
const tmp = mkdtempSync(path.join(os.tmpdir(), "marginalia-test-"));
const stamp = Date.now();
const totals = { passed: 0, failed: 0 };
const timings: string[] = [];
const failures: string[] = []; // "part › file › test" of each failed test, named again at the end
const cleanups: (() => Promise<unknown>)[] = [];
let child: ChildProcess | undefined;
const distDir = process.env.E2E_DIST_DIR || ".next-test";
let built = false; // the test build, made once per run
let locked = false; // this run holds the checkout's test lock
let typechecked = false; // the typecheck stage passed in this run

type TestDatabase = { label: string; env: NodeJS.ProcessEnv };

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    child?.kill(signal);
    await cleanup();
    process.exit(130);
  });
}

try {
  const chromium = runE2e || runReliability ? ensureChromium() : undefined;
  if (chromium === null) await cleanup().then(() => process.exit(1));
  const server = await reachablePostgres();
  if (runUnit) await unitTests(server, await freshDatabase(server, ""));
  if (runE2e) await e2eTests(server, chromium!);
  if (runReliability) await reliabilityTests(server, chromium!);
} catch (error) {
  console.error(error);
  totals.failed += 1;
} finally {
  await cleanup();
}
console.log(`\n${timings.join("\n")}`);
if (failures.length > 0) console.log(`failed:\n${failures.map((name) => `  ${name}`).join("\n")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);

async function unitTests(server: string | null, db: TestDatabase): Promise<void> {
  console.log(`\n▶ Vitest on ${db.label}`);
  // Types of everything (tests, benchmarks, scripts too), and Next's route
  // types made afresh from these sources (`next typegen` into .next/types, which
  // tsconfig.json includes): all the build's own type check would cover, so the
  // test build of this run skips it (buildApp).
  if (extraArgs.length === 0) {
    const typegenEnv = { ...db.env, NEXT_DIST_DIR: ".next" };
    if (await stage("route types", bin("next"), ["typegen"], typegenEnv)) typechecked = await stage("typecheck", bin("tsc"), ["--noEmit", "-p", "."], db.env);
  }
  if (!(await stage("migrations (unit)", bin("tsx"), ["scripts/db-migrate.ts"], db.env))) return;
  // TEST_WORKERS=N runs test files N at a time, each Vitest worker on a
  // database of its own: copies of the migrated one (tests/setup/worker-database.ts
  // picks by VITEST_POOL_ID; vitest.config.ts runs as many workers as there are).
  // One by default: on 2 cores, 2 workers took as long (the CPU is the limit).
  const workers = Math.max(1, Math.floor(Number(process.env.TEST_WORKERS)) || 1);
  const databases = [db];
  for (let worker = 2; worker <= workers; worker++) databases.push(await copyDatabase(server, db, `_w${worker}`));
  const where = databases.map((each) => each.env.DATABASE_URL || each.env.PGLITE_DATA_DIR).join("\n");
  await vitest("Vitest", [], { ...db.env, TEST_DATABASES: where });
}

async function vitest(name: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const report = path.join(tmp, `${name.toLowerCase()}.json`);
  const reporters = ["--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  const started = Date.now();
  const code = await run(bin("vitest"), ["run", ...argv, ...reporters, ...extraArgs], env);
  type Result = { status: string; fullName: string };
  const json = readJson(report) as { numPassedTests: number; numFailedTests: number; testResults: { name: string; status: string; assertionResults: Result[] }[] } | null;
  // A file that fails to load has no failed test in it: count it once.
  const brokenFiles = json?.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((t) => t.status === "failed")).length ?? 0;
  for (const file of json?.testResults ?? []) {
    const where = `${name} › ${path.relative(process.cwd(), file.name)}`;
    const failed = file.assertionResults.filter((test) => test.status === "failed");
    if (file.status === "failed" && failed.length === 0) failures.push(`${where} (did not load)`);
    for (const test of failed) failures.push(`${where} › ${test.fullName}`);
  }
  count(name, json?.numPassedTests ?? 0, (json?.numFailedTests ?? 0) + brokenFiles, code, started);
}

async function e2eTests(server: string | null, chromium: string): Promise<void> {
  const db = await freshDatabase(server, "_e2e");
  console.log(`\n▶ Playwright on ${db.label}`);
  const seedEnv = { ...db.env, SEED_DEMO: "1", DEMO_TRACES: process.env.E2E_DEMO_TRACES ?? "240" };
  if (!(await stage("migrate + seed (e2e)", bin("tsx"), ["scripts/start.ts", "--prepare-only"], seedEnv))) return;
  // First-run specs (the set-up page) get a second server on an empty database.
  const emptyEnv: Record<string, string | undefined> = {};
  if (readdirSync("e2e").some((file) => /first-run\.spec\.ts$/.test(file))) {
    const empty = await freshDatabase(server, "_e2e_empty");
    if (!(await stage("migrate (e2e, empty)", bin("tsx"), ["scripts/db-migrate.ts"], empty.env))) return;
    emptyEnv.E2E_EMPTY_PORT = String(await freePort());
    if (empty.env.DATABASE_URL) emptyEnv.E2E_EMPTY_DATABASE_URL = empty.env.DATABASE_URL;
    else emptyEnv.E2E_EMPTY_PGLITE_DATA_DIR = empty.env.PGLITE_DATA_DIR;
  }
  // Its own build folder, so `npm test` leaves the build `npm start` serves alone;
  // test runs in one checkout take turns, as they would overwrite each other's.
  const buildEnv = await buildApp(db.env);
  if (!buildEnv) return;
  let port = String(await freePort());
  while (port === emptyEnv.E2E_EMPTY_PORT) port = String(await freePort());
  const report = path.join(tmp, "playwright.json");
  const env = { ...buildEnv, ...emptyEnv, E2E_START_SERVER: "1", PORT: port, E2E_BASE_URL: `http://127.0.0.1:${port}`, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: report };
  const started = Date.now();
  const code = await run(bin("playwright"), ["test", "--reporter=list,json", ...extraArgs], env);
  const json = readJson(report) as ({ stats: { expected: number; unexpected: number; flaky: number }; errors: unknown[] } & PlaywrightSuite) | null;
  for (const spec of failedSpecs(json?.suites ?? [])) failures.push(`Playwright › ${spec}`);
  count("Playwright", (json?.stats.expected ?? 0) + (json?.stats.flaky ?? 0), (json?.stats.unexpected ?? 0) + (json?.errors.length ?? 0), code, started);
}

// The test build, once per run: its own build folder, so `npm test` leaves the
// build `npm start` serves alone; test runs in one checkout take turns, as they
// would overwrite each other's.
async function buildApp(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv | null> {
  await lockCheckout();
  const buildEnv = { ...env, NEXT_DIST_DIR: distDir };
  if (built || process.env.E2E_SKIP_BUILD === "1") return buildEnv;
  dropRouteTypes(distDir);
  // Type-checked already by this run's typecheck stage: the build need not again.
  const skipTypes = typechecked ? { NEXT_SKIP_TYPECHECK: "1" } : {};
  // A clone built once (CI) has no later build to reuse Turbopack's build cache:
  // writing it costs time and saves none.
  const noCache = process.env.CI ? { NEXT_BUILD_CACHE: "0" } : {};
  if (!(await stage("next build", bin("next"), ["build"], { ...buildEnv, ...skipTypes, ...noCache }))) return null;
  built = true;
  return buildEnv;
}

// Bad input on every route, concurrency, outages, several servers at once.
// RELIABILITY_ADMIN_URL lets tests create databases of their own (empty on PGlite).
async function reliabilityTests(server: string | null, chromium: string): Promise<void> {
  const db = await freshDatabase(server, "_rel");
  console.log(`\n▶ Reliability suite on ${db.label}`);
  if (!(await stage("migrations (reliability)", bin("tsx"), ["scripts/db-migrate.ts"], db.env))) return;
  const buildEnv = await buildApp(db.env);
  if (!buildEnv) return;
  const env = { ...buildEnv, RELIABILITY_DIST_DIR: distDir, RELIABILITY_ADMIN_URL: server ?? "", CHROMIUM_PATH: chromium };
  await vitest("Reliability", ["-c", "vitest.reliability.config.ts"], env);
}

function count(name: string, passed: number, failed: number, code: number, started: number): void {
  if (code !== 0 && failed === 0) failed = 1; // crashed, or an error outside any test
  totals.passed += passed;
  totals.failed += failed;
  timings.push(`${name}: ${passed} passed, ${failed} failed (${seconds(started)})`);
}

// A step other than the tests themselves: its failure counts as one failed test.
async function stage(name: string, command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  const started = Date.now();
  const code = await run(command, argv, env);
  timings.push(`${name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} (${seconds(started)})`);
  if (code !== 0) totals.failed += 1;
  return code === 0;
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    child = spawn(command, argv, { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("error", (error) => (console.error(error), resolve(1)));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

// Postgres when reachable (TEST_DATABASE_URL, DATABASE_URL, else the local
// default) with the right to create databases; otherwise PGlite in a temp folder.
async function reachablePostgres(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  try {
    const [row] = await admin(url, "SELECT rolsuper OR rolcreatedb AS ok FROM pg_roles WHERE rolname = current_user");
    if (!row?.ok) throw new Error("the role may not create databases");
    await dropStaleDatabases(url);
    return url;
  } catch (error) {
    console.log(`Postgres at ${redact(url)} is not usable (${(error as Error).message}): falling back to embedded PGlite in ${tmp}.`);
    return null;
  }
}

async function freshDatabase(server: string | null, suffix: string): Promise<TestDatabase> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.PGLITE_DATA_DIR;
  if (!server) {
    const dir = path.join(tmp, `pglite${suffix}`);
    return { label: `PGlite at ${dir}`, env: { ...env, PGLITE_DATA_DIR: dir } };
  }
  const name = `marginalia_test_${stamp}${suffix}`;
  await admin(server, `CREATE DATABASE "${name}"`);
  cleanups.push(() => admin(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { label: `Postgres database ${name} at ${url.host}`, env: { ...env, DATABASE_URL: url.toString() } };
}

// Another database like `source`, migrations and all (`source` must be unused).
async function copyDatabase(server: string | null, source: TestDatabase, suffix: string): Promise<TestDatabase> {
  if (!server) {
    const dir = path.join(tmp, `pglite${suffix}`);
    cpSync(source.env.PGLITE_DATA_DIR!, dir, { recursive: true });
    return { label: `PGlite at ${dir}`, env: { ...source.env, PGLITE_DATA_DIR: dir } };
  }
  const from = new URL(source.env.DATABASE_URL!).pathname.slice(1);
  const name = `marginalia_test_${stamp}${suffix}`;
  await admin(server, `CREATE DATABASE "${name}" TEMPLATE "${from}"`);
  cleanups.push(() => admin(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { label: `Postgres database ${name} at ${url.host}`, env: { ...source.env, DATABASE_URL: url.toString() } };
}

// Databases left by runs that were killed before they could drop them.
async function dropStaleDatabases(server: string): Promise<void> {
  const rows = await admin(server, "SELECT datname FROM pg_database WHERE datname LIKE 'marginalia\\_test\\_%'");
  for (const { datname } of rows) {
    const started = Number(/^marginalia_test_(\d{13})/.exec(datname)?.[1]);
    if (started && started < stamp - 6 * 3600_000) await admin(server, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return (await client.query(sql)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

// Debian's chromium-headless-shell when installed: the same engine as
// chromium, without the full browser's UI layers, at a fraction of the CPU
// per page (the browser tests saturate a 2-core machine). Else chromium.
// CHROMIUM_PATH, when set, wins.
function ensureChromium(): string | null {
  const headlessShells = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell"];
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted && existsSync(wanted)) return wanted;
  if (wanted) console.log(`CHROMIUM_PATH (${wanted}) does not exist: looking for Debian's chromium instead.`);
  const found = () => [...headlessShells, "/usr/bin/chromium"].find((file) => existsSync(file));
  if (found()) return found()!;
  if (process.getuid?.() !== 0) {
    console.error("Chromium is missing; the end-to-end tests need it. Install it with\n  sudo apt-get install chromium-headless-shell\n(or chromium), or point CHROMIUM_PATH at a Chromium binary.");
    return null;
  }
  console.log("Chromium is missing: installing Debian's chromium-headless-shell with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "chromium-headless-shell"], { stdio: "inherit", env });
  if (!found()) {
    console.log("apt-get could not install chromium-headless-shell: installing chromium…");
    spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit", env });
  }
  if (!found()) console.error("apt-get could not install chromium; install it by hand or set CHROMIUM_PATH.");
  return found() ?? null;
}

// Next's generated route types are global: those of `next dev` or of an
// older build, made from other sources, fail this build's type check
// (vercel/next.js#93700). tsconfig.json includes only .next's (it excludes
// .next-*), and every build writes its own again.
function dropRouteTypes(building: string): void {
  rmSync(path.join(".next", "dev", "types"), { recursive: true, force: true });
  if (path.normalize(building) !== ".next") rmSync(path.join(".next", "types"), { recursive: true, force: true });
}

async function lockCheckout(): Promise<void> {
  if (locked) return;
  const checkout = createHash("sha1").update(process.cwd()).digest("hex").slice(0, 12);
  const lock = path.join(os.tmpdir(), `marginalia-e2e-${checkout}.lock`);
  let announced = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      cleanups.push(async () => rmSync(lock, { force: true }));
      locked = true;
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(lock, "utf8").trim() || 0);
    if (holder && !isAlive(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (!announced) console.log(`Waiting for another test run in this checkout (pid ${holder || "?"}) to finish its browser tests…`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function cleanup(): Promise<void> {
  for (const drop of cleanups.splice(0)) await drop().catch((e: Error) => console.error(`cleanup: ${e.message}`));
  rmSync(tmp, { recursive: true, force: true });
}

type PlaywrightSuite = { suites?: PlaywrightSuite[]; specs?: { title: string; file: string; tests: { status: string }[] }[] };

// Specs whose every retry failed ("unexpected"), as "file › title".
function failedSpecs(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).filter((spec) => spec.tests.some((test) => test.status === "unexpected")).map((spec) => `${spec.file} › ${spec.title}`),
    ...failedSpecs(suite.suites ?? []),
  ]);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
