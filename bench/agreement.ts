// `npx tsx bench/agreement.ts`: server time of the agreement section
// (agreementDashboard: kappa per pair, alpha, disagreements) at 100k sessions /
// 1M annotations, each beside the raw SQL of the same statements.
//   BENCH_DATABASE_URL  database (default postgresql://postgres@127.0.0.1:5432/marginalia_bench_agreement),
//                       created and seeded by bench/dashboard-seed.ts (seedDashboardBench) unless it already is
//   BENCH_RUNS          timed runs per call (default 20, after 3 warm-ups)
//   --explain           print EXPLAIN (ANALYZE, BUFFERS) of every statement measured
//   --proposed-index    create the covering index proposed for this query first (not in the migrations:
//                       see agreementSql), and drop it at the end
// "raw SQL" replays, on one plain `pg` connection, exactly the statements and
// parameters agreementDashboard sent (captured from Prisma's query log).
// Target: p50 ≤ 200 ms per call.
import pg from "pg";
import { BENCH_DASHBOARD_PROJECT, seedDashboardBench } from "./dashboard-seed";
import { installCapturingClient, printTimingTable, replay as replayOn, timeRuns as timeRunsOf, type Captured, type Stats } from "./measure";

const DB_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/marginalia_bench_agreement";
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUPS = 3;
const TARGET_MS = 200;
const explain = process.argv.includes("--explain");
const proposedIndex = process.argv.includes("--proposed-index");
process.env.DATABASE_URL = DB_URL;

const started = performance.now();
const bench = await seedDashboardBench(DB_URL);
if (bench.seeded) console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

const { capturedQueries } = await installCapturingClient(DB_URL);
const { prisma } = await import("@/lib/db");
const { agreementDashboard } = await import("@/lib/agreement/agreement-dashboard");
const { parseDashboardFilters } = await import("@/lib/dashboards/dashboard-filters");
const { localAdminActor } = await import("@/lib/auth/local-mode");
const raw = new pg.Client({ connectionString: DB_URL });
await raw.connect();

const PROJECT = BENCH_DASHBOARD_PROJECT;
// Item order, then the columns the statement reads: an index-only scan already grouped by item.
const INDEX = `annotations_agreement_bench_idx`;
if (proposedIndex) {
  await raw.query(`CREATE INDEX IF NOT EXISTS ${INDEX} ON annotations (project_id, name, target_type, target_id, document_position)
    INCLUDE (identifier, user_id, annotator_kind, label, score)`);
  await raw.query("VACUUM ANALYZE annotations");
  console.log(`Created ${INDEX} (${(await raw.query(`SELECT pg_size_pretty(pg_relation_size('${INDEX}')) AS s`)).rows[0].s}).`);
}
// Steady state, as autovacuum leaves it (visibility map set for index-only scans).
await raw.query("VACUUM ANALYZE annotations");
const project = await prisma.project.findUniqueOrThrow({ where: { name: PROJECT }, select: { id: true, name: true, blindReview: true } });
const number = (value: number) => Math.round(value).toLocaleString("en-US");
const { rows: [stats] } = await raw.query<Record<string, string>>(`
  SELECT (SELECT count(*) FROM annotations WHERE project_id = $1) AS annotations,
         (SELECT count(*) FROM sessions WHERE project_id = $1) AS sessions,
         (SELECT count(*) FROM traces WHERE project_id = $1) AS traces`, [project.id]);
console.log(`Project "${PROJECT}": ${number(+stats.sessions)} sessions, ${number(+stats.traces)} traces, ${number(+stats.annotations)} annotations`);

const rubrics = (await raw.query<{ name: string; type: string; n: number }>(`
  SELECT r.name, r.type::text, (SELECT count(*)::int FROM annotations a WHERE a.project_id = $1 AND a.name = r.name) AS n
  FROM project_rubrics pr JOIN rubrics r ON r.id = pr.rubric_id
  WHERE pr.project_id = $1 AND r.type IN ('CATEGORICAL', 'CONTINUOUS') ORDER BY n DESC`, [project.id])).rows.filter((r) => r.n > 0);
const reviewer = (await raw.query<{ id: string; name: string }>(`SELECT id::text, name FROM users WHERE id = $1`, [bench.reviewers[0]])).rows[0];
const { rows: [span] } = await raw.query<{ from: Date; to: Date }>(`SELECT min(start_time) AS "from", max(start_time) AS "to" FROM sessions WHERE project_id = $1`, [project.id]);
const lastWeek = new Date(span.to.getTime() - 7 * 86_400_000).toISOString();

// Each rubric whole; the filters on the session rubric (the busiest to group: ~4 values per item).
const sessionRubric = rubrics.find((r) => r.name === "user_satisfaction")?.name ?? rubrics[0].name;
const cases: [string, Record<string, string>][] = [
  ...rubrics.map((r): [string, Record<string, string>] => [`${r.name} (${r.type.toLowerCase()}, ${number(r.n)} values)`, { rubric: r.name }]),
  [`${sessionRubric}, humans only`, { rubric: sessionRubric, kind: "HUMAN" }],
  [`${sessionRubric}, last 7 days`, { rubric: sessionRubric, from: lastWeek }],
  [`${sessionRubric}, reviewer ${reviewer.name}`, { rubric: sessionRubric, reviewer: reviewer.id }],
];

const timeRuns = (work: () => Promise<unknown>) => timeRunsOf(work, { warmups: WARMUPS, runs: RUNS });
const replay = (queries: Captured[]) => replayOn(raw, queries);
const actor = await localAdminActor();
type Result = { name: string; server: Stats; sql: Stats; result: string };
const results: Result[] = [];
console.log(`Timing ${RUNS} runs after ${WARMUPS} warm-ups each (as an admin; blind review off):`);
for (const [name, query] of cases) {
  const filters = parseDashboardFilters(query);
  const work = () => agreementDashboard(actor, project, filters);
  process.stdout.write(`  ${name}… `);
  const answer = await work();
  const result = `α ${answer.alpha?.toFixed(3) ?? "—"} over ${number(answer.alphaItems)} items, ${answer.pairs.length} pairs`;
  const server = await timeRuns(work);
  const queries = await capturedQueries(work);
  const sql = await timeRuns(replay(queries));
  results.push({ name, server, sql, result });
  console.log(`${server.p50.toFixed(1)} ms p50 (${result}; raw SQL ${sql.p50.toFixed(1)} ms)`);
  if (explain) {
    for (const q of queries) {
      const { rows: plan } = await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
      console.log(plan.map((r) => `      ${r["QUERY PLAN"]}`).join("\n"));
    }
  }
}

printTimingTable(results, { runs: RUNS, targetMs: TARGET_MS });
if (proposedIndex) await raw.query(`DROP INDEX IF EXISTS ${INDEX}`);
await raw.end();
await prisma.$disconnect();
process.exit(results.every((r) => r.server.p50 <= TARGET_MS) ? 0 : 1);
