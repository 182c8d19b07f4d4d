// `npm run bench`: one world, every scenario, one table (issue 12).
// Creates its own database on the local Postgres, migrates and seeds it
// (bench/seed/world.ts: traces through the ingest path, ratings, notes, a queue,
// reviewers, a lead's API key and session), starts the production server on it
// with auth on (scripts/start.ts, building first when the build is stale), runs
// bench/scenarios/*.ts one after another while sampling the server's resident
// memory, prints one table and writes bench/RESULTS.md; then stops the server
// and drops the database (--keep keeps it, and a later --keep run reuses it).
// Options: bench/suite/args.ts (`npm run bench -- --help`).
import { execFileSync } from "node:child_process";
import { register } from "node:module";
import { cpus, totalmem } from "node:os";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { benchDatabase, installCapturingClient } from "./measure";
import { prepareWorld } from "./seed/world";
import { parseBenchArgs, USAGE } from "./suite/args";
import { provideCapture } from "./suite/capture";
import type { BenchWorld } from "./suite/contract";
import { sampleRss } from "./suite/process-tree";
import { chooseScenarios, loadScenarios, message, type ScenarioEntry } from "./suite/scenarios";
import { startServer, stopStartedServers, type BenchServer } from "./suite/server";
import { formatResultsMarkdown, formatTextTable, type ResultRow } from "./suite/table";

// Domain modules import "server-only", which throws outside React Server
// Components: resolve it to an empty module, as Next.js does on the server.
register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
      return next(specifier, context);
    }`),
);

// A scenario should take ≤ 3 min (≤ 40 s with --quick); past this one the runner gives up on it.
const SCENARIO_TIMEOUT_MS = 10 * 60_000;

let options;
try {
  options = parseBenchArgs(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${message(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
// lib/db.ts creates its client on import (scenarios import it too): point it at
// the bench database, and install the query-logging client scenarios replay
// statements from (bench/suite/capture.ts), before anything imports it.
process.env.DATABASE_URL = options.databaseUrl;
provideCapture((await installCapturingClient(options.databaseUrl)).capturedQueries);

const log = (line: string) => console.log(line);
const entries = await loadScenarios();
if (options.list) {
  const width = Math.max(...entries.map((e) => e.name.length));
  for (const entry of entries) {
    log(`${entry.name.padEnd(width)}  ${entry.scenario ? `${entry.scenario.description}${entry.scenario.needsServer ? " (HTTP)" : ""}` : `(${entry.problem})`}`);
  }
  process.exit(0);
}
let chosen: ScenarioEntry[];
try {
  chosen = chooseScenarios(entries, options.only);
} catch (error) {
  console.error(message(error));
  process.exit(2);
}

const startedAt = new Date();
const started = performance.now();
const loadBefore = load();
const database = benchDatabase(options.databaseUrl);
let server: BenchServer | null = null;
let cleaning: Promise<void> | null = null;
const cleanUp = () =>
  (cleaning ??= (async () => {
    await stopStartedServers().catch((error) => console.error(`Stopping the server: ${message(error)}`));
    const { prisma } = await import("@/lib/db");
    await prisma.$disconnect().catch(() => undefined);
    if (!options.keep) await database.drop().then(() => log(`Dropped database ${database.name}.`), (error) => console.error(`Dropping ${database.name}: ${message(error)}`));
  })());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
}

let exitCode = 0;
try {
  log(`npm run bench: ${chosen.map((e) => e.name).join(", ")}${options.quick ? " (--quick)" : ""} · load ${loadBefore}`);
  const seeded = await prepareWorld(options.databaseUrl, options.sizes, { reuse: options.keep, log });
  const runnable = chosen.filter((entry) => entry.scenario);
  if (runnable.some((entry) => entry.scenario!.needsServer)) {
    server = await startServer({ databaseUrl: options.databaseUrl, port: options.port, log });
  }
  const { seedSeconds, seedStages, databaseSize, ...worldFields } = seeded;
  const world: BenchWorld = { ...worldFields, baseUrl: server?.baseUrl ?? null, serverPid: server?.pid ?? null, quick: options.quick };

  const rows: ResultRow[] = [];
  for (const entry of chosen) {
    if (!entry.scenario) {
      rows.push({ scenario: entry.name, figure: "(not run)", target: "", met: null, error: entry.problem, missing: true });
      log(`\n— ${entry.name}: skipped, ${entry.problem}`);
      continue;
    }
    log(`\n— ${entry.name}: ${entry.scenario.description}`);
    const sampler = server ? sampleRss(server.pid) : null;
    const scenarioStarted = performance.now();
    try {
      const produced = await withTimeout(entry.scenario.run(world, (line) => log(`  ${line}`)), SCENARIO_TIMEOUT_MS);
      const peak = sampler?.stop();
      const seconds = (performance.now() - scenarioStarted) / 1000;
      const limit = options.quick ? 40 : 180;
      for (const row of produced) {
        rows.push({ ...row, scenario: entry.name, peakRssBytes: entry.scenario.needsServer ? peak : undefined });
      }
      if (produced.length === 0) rows.push({ scenario: entry.name, figure: "(no figures)", target: "", met: null, error: "the scenario returned no rows" });
      log(`  done in ${seconds.toFixed(0)} s${seconds > limit ? ` (over its ${limit} s budget)` : ""}`);
    } catch (error) {
      sampler?.stop();
      exitCode = 1;
      rows.push({ scenario: entry.name, figure: "(failed)", target: "", met: null, error: `threw: ${message(error)}` });
      log(`  THREW: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  await server?.stop();
  server = null;

  const loadAfter = load();
  log(`\n${formatTextTable(rows)}\n`);
  const { counts } = world;
  const n = (value: number) => value.toLocaleString("en-US");
  const results = formatResultsMarkdown({
    date: startedAt,
    loadBefore,
    loadAfter,
    commit: commit(),
    machine: await machine(options.databaseUrl),
    sizes: `${n(counts.traces)} traces, ${n(counts.spans)} spans, ${n(counts.sessions)} sessions, ${n(counts.annotations)} labels and scores, ` +
      `${n(counts.notes)} notes, a queue of ${n(counts.queueItems)} items (N = 2), ${world.reviewers.length} reviewers; database ${databaseSize}`,
    seed: seedSeconds === null ? "reused a kept database (--keep)" : `${(seedSeconds / 60).toFixed(1)} min: ${seedStages.join(", ")}`,
    quick: options.quick,
    scenarios: chosen.map((e) => e.name),
    durationSeconds: (performance.now() - started) / 1000,
  }, rows);
  writeFileSync(options.resultsPath, results);
  log(`Wrote ${options.resultsPath}. Load before: ${loadBefore}; after: ${loadAfter}.`);
} catch (error) {
  exitCode = 1;
  console.error(error instanceof Error ? error.stack : error);
} finally {
  await cleanUp();
}
process.exit(exitCode);

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms / 60_000} min: the runner moved on`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function load(): string {
  try {
    return execFileSync("uptime").toString().trim().replace(/^.*load averages?:\s*/, "");
  } catch {
    return "unknown";
  }
}

function commit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"]).toString()
      .split("\n").filter((line) => line.trim() && !line.endsWith("bench/RESULTS.md")).length > 0;
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return "unknown";
  }
}

async function machine(databaseUrl: string): Promise<string> {
  const cores = cpus();
  let postgres = "Postgres";
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    postgres = (await client.query<{ v: string }>(`SELECT split_part(version(), ' on ', 1) AS v`)).rows[0].v;
  } catch {
    // the version is a nicety
  } finally {
    await client.end().catch(() => undefined);
  }
  return `${cores.length} × ${cores[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${postgres}`;
}
