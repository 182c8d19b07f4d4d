// Writes the demo support-bot traces through the ingest path.
// Usage: npm run db:seed -- [--traces 240] [--spans-per-trace N] [--seed 1] [--project support-bot] [--start-at 2026-11-20T12:00:00Z]
// --spans-per-trace pads each trace with pipeline steps up to N spans (10 gives 1M spans for 100k traces).
import { parseArgs } from "node:util";
import { claimEmbeddedDatabaseOrExit } from "@/lib/db/claim-embedded-database";
import { databaseConfig } from "@/lib/db/config";
import {
  DEFAULT_DEMO_PROJECT,
  DEFAULT_DEMO_SEED,
  DEFAULT_DEMO_START_AT,
  DEFAULT_DEMO_TRACES,
} from "@/lib/demo/generate-demo-traces";
import type { SeedProgress } from "@/lib/demo/seed-demo-data";

const { values } = parseArgs({
  options: {
    traces: { type: "string", default: String(DEFAULT_DEMO_TRACES) },
    "spans-per-trace": { type: "string" },
    seed: { type: "string", default: String(DEFAULT_DEMO_SEED) },
    project: { type: "string", default: DEFAULT_DEMO_PROJECT },
    "start-at": { type: "string", default: DEFAULT_DEMO_START_AT.toISOString() },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const traces = Number(values.traces);
const seed = Number(values.seed);
const startAt = new Date(values["start-at"]);
const spansPerTrace = values["spans-per-trace"] === undefined ? undefined : Number(values["spans-per-trace"]);
if (!Number.isInteger(traces) || traces < 1) fail(`--traces must be a positive whole number (got "${values.traces}")`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number (got "${values.seed}")`);
if (spansPerTrace !== undefined && (!Number.isInteger(spansPerTrace) || spansPerTrace < 1)) {
  fail(`--spans-per-trace must be a positive whole number (got "${values["spans-per-trace"]}")`);
}
if (Number.isNaN(startAt.getTime())) fail(`--start-at must be an ISO date (got "${values["start-at"]}")`);

const number = (value: number) => Math.round(value).toLocaleString("en-US");
const rate = (progress: SeedProgress) => number(progress.spans / Math.max(progress.elapsedMs / 1000, 0.001));

const config = databaseConfig();
claimEmbeddedDatabaseOrExit(config);
// Imported only now: lib/db.ts (which the seeding imports) opens the database as it loads.
const { prisma } = await import("@/lib/db");
const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
const where = config.kind === "postgres" ? "Postgres" : `PGlite at ${config.dataDir}`;
console.log(`Seeding ${number(traces)} demo traces (seed ${seed}) into project "${values.project}" on ${where}…`);

let lastPrintMs = 0;
const totals = await seedDemoData(prisma, {
  traces,
  seed,
  projectName: values.project,
  startAt,
  spansPerTrace,
  onProgress: (progress) => {
    // About one line a second, plus the last batch.
    if (progress.elapsedMs - lastPrintMs < 1000 && progress.traces < traces) return;
    lastPrintMs = progress.elapsedMs;
    const done = `${number(progress.traces)} / ${number(traces)} traces`;
    console.log(`  ${done} · ${number(progress.spans)} spans · ${rate(progress)} spans/s`);
  },
});

console.log(
  `Done: ${number(totals.spans)} spans, ${number(totals.traces)} traces, ${number(totals.sessions)} sessions, ${number(totals.notes ?? 0)} new notes, ` +
    `${number(totals.ratings ?? 0)} new labels and scores ` +
    `in ${(totals.elapsedMs / 1000).toFixed(1)} s (${rate(totals)} spans/s).`,
);
// The connection pool would keep Node alive.
process.exit(0);
