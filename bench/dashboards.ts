// `npm run bench:dashboards`: server time of each dashboard section at 100k
// sessions / ~1M annotations, beside the raw SQL it sends.
//   BENCH_DATABASE_URL  database (default postgresql://postgres@127.0.0.1:5432/marginalia_bench_dashboards);
//                       created, migrated and seeded once (bench/dashboard-seed.ts), kept afterwards
//   BENCH_SESSIONS      sessions to seed (default 100000)
//   BENCH_RUNS          timed runs per query (default 20, after BENCH_WARMUPS warm-ups, default 3)
//   --explain           print EXPLAIN (ANALYZE, BUFFERS) of every captured statement
// Each section is timed as a lead sees it (all values) over the whole range, and
// again with a filter (a 30-day range; one reviewer; the LLM kind) where that is a
// different plan. The raw SQL figures replay, on one plain `pg` connection, exactly
// the statements and parameters the domain function sent (Prisma's query log).
// Target: p50 ≤ 200 ms per section.
import pg from "pg";
import { installCapturingClient, replay, timeRuns, type Stats } from "./measure";
import { BENCH_DASHBOARD_PROJECT, seedDashboardBench } from "./dashboard-seed";

const DB_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/marginalia_bench_dashboards";
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUPS = Number(process.env.BENCH_WARMUPS ?? 3);
const TARGET_MS = 200;
const explain = process.argv.includes("--explain");
process.env.DATABASE_URL = DB_URL;

const bench = await seedDashboardBench(DB_URL);
console.log(`Project "${BENCH_DASHBOARD_PROJECT}": ${Object.entries(bench.counts).map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`).join(", ")}` +
  (bench.seeded ? " (seeded now)." : " (already seeded)."));

const { capturedQueries } = await installCapturingClient(DB_URL);
const { prisma } = await import("@/lib/db");
const { actorForUser } = await import("@/lib/auth/sessions");
const { parseDashboardFilters } = await import("@/lib/dashboards/dashboard-filters");
const { satisfactionDashboard } = await import("@/lib/dashboards/satisfaction");
const { rubricDashboard } = await import("@/lib/dashboards/rubric-analytics");
const { coverageDashboard } = await import("@/lib/dashboards/coverage");
const { progressDashboard } = await import("@/lib/dashboards/reviewer-progress");

const lead = actorForUser(await prisma.user.upsert({
  where: { email: "lead@bench-dashboards.dev" }, create: { email: "lead@bench-dashboards.dev", name: "Lead", role: "LEAD" }, update: {},
}));
const project = await prisma.project.findUniqueOrThrow({ where: { name: BENCH_DASHBOARD_PROJECT }, select: { id: true, blindReview: true } });
const pool = new pg.Pool({ connectionString: DB_URL, max: 2 });

type Case = { name: string; work: () => Promise<unknown> };
const f = (query: Record<string, string>) => parseDashboardFilters(query);
const month = { from: "2026-09-01", to: "2026-10-01" };
const cases: Case[] = [
  { name: "satisfaction", work: () => satisfactionDashboard(lead, project, f({})) },
  { name: "satisfaction (week, 30 days)", work: () => satisfactionDashboard(lead, project, f({ ...month, bucket: "week" })) },
  { name: "satisfaction (one reviewer)", work: () => satisfactionDashboard(lead, project, f({ reviewer: bench.reviewers[0] })) },
  { name: "rubric correctness", work: () => rubricDashboard(lead, project, f({ rubric: "correctness" })) },
  { name: "rubric helpfulness (LLM)", work: () => rubricDashboard(lead, project, f({ rubric: "helpfulness", kind: "LLM" })) },
  { name: "rubric correctness (30 days)", work: () => rubricDashboard(lead, project, f({ rubric: "correctness", ...month })) },
  { name: "coverage", work: () => coverageDashboard(lead, project, f({})) },
  { name: "coverage (30 days)", work: () => coverageDashboard(lead, project, f(month)) },
  { name: "progress", work: () => progressDashboard(lead, project, f({})) },
  { name: "progress (week, 30 days)", work: () => progressDashboard(lead, project, f({ ...month, bucket: "week" })) },
];

const rows: { name: string; statements: number; app: Stats; raw: Stats }[] = [];
for (const c of cases) {
  const queries = await capturedQueries(c.work);
  const app = await timeRuns(c.work, { warmups: WARMUPS, runs: RUNS });
  const raw = await timeRuns(replay(pool, queries), { warmups: WARMUPS, runs: RUNS });
  rows.push({ name: c.name, statements: queries.length, app, raw });
  console.log(`${c.name}: app p50 ${app.p50.toFixed(1)} ms, raw p50 ${raw.p50.toFixed(1)} ms`);
  if (explain) {
    for (const q of queries) {
      const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
      console.log(`\n--- ${c.name}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
    }
  }
}

const ms = (value: number) => value.toFixed(1).padStart(8);
console.log(`\nDashboards at ${bench.counts.sessions.toLocaleString("en-US")} sessions / ${bench.counts.annotations.toLocaleString("en-US")} annotations ` +
  `(${RUNS} runs after ${WARMUPS} warm-ups; ms)`);
console.log(`${"section".padEnd(32)}${"stmts".padStart(6)}${"app p50".padStart(9)}${"app p95".padStart(9)}${"raw p50".padStart(9)}${"raw p95".padStart(9)}  target`);
for (const r of rows) {
  console.log(`${r.name.padEnd(32)}${String(r.statements).padStart(6)} ${ms(r.app.p50)} ${ms(r.app.p95)} ${ms(r.raw.p50)} ${ms(r.raw.p95)}  ${r.app.p50 <= TARGET_MS ? "ok" : `over ${TARGET_MS}`}`);
}
const over = rows.filter((r) => r.app.p50 > TARGET_MS);
await pool.end();
await prisma.$disconnect();
process.exit(over.length ? 1 : 0);
