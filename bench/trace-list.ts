// `npm run bench:traces`: server time of the trace list and trace pages on a
// big Postgres database, each beside the raw SQL of the same query.
//   BENCH_DATABASE_URL  dedicated database (default postgresql://postgres@127.0.0.1:5432/marginalia_bench);
//                       created, migrated and seeded once (100k demo traces through the ingest path)
//   BENCH_TRACES        traces to seed (default 100000)
//   BENCH_RUNS          timed runs per query (default 50, after 5 warm-ups)
//   BENCH_BASE_URL      optional: an app on the same database (AUTH_DISABLED=1) to time pages over HTTP
//   --seed-only         create / migrate / seed, then exit
//   --explain           print EXPLAIN (ANALYZE, BUFFERS) of every captured query
// The raw SQL figures replay, on one plain `pg` connection, exactly the statements
// and parameters the domain functions sent (captured from Prisma's query log).
// Target: p50 ≤ 50 ms per query.
import { register } from "node:module";
import pg from "pg";
import { benchDatabase, installCapturingClient, replay as replayOn, timeRuns as timeRunsOf, type Captured, type Stats } from "./measure";

// get-trace-detail.ts imports "server-only", which throws outside React Server
// Components: resolve it to an empty module, as Next.js does on the server.
register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
      return next(specifier, context);
    }`),
);

const DB_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/marginalia_bench";
const TRACES = Number(process.env.BENCH_TRACES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUPS = 5;
const PROJECT = "bench";
const TARGET_MS = 50;
const seedOnly = process.argv.includes("--seed-only");
const explain = process.argv.includes("--explain");
const BASE_URL = process.env.BENCH_BASE_URL?.replace(/\/$/, "");

// lib/db.ts creates its client at import: point it at the bench database first.
process.env.DATABASE_URL = DB_URL;

const number = (value: number) => Math.round(value).toLocaleString("en-US");

const database = benchDatabase(DB_URL);
if (await database.ensure()) console.log(`Created database ${database.name}.`);
const { applyPendingMigrations } = await import("@/lib/db/migrate");
const applied = await applyPendingMigrations({ kind: "postgres", url: DB_URL });
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

// Our own client with the query log on, so every statement a domain function runs can be replayed.
const { capturedQueries } = await installCapturingClient(DB_URL);
const { prisma } = await import("@/lib/db");
const { seedDemoData } = await import("@/lib/demo/seed-demo-data");

async function traceCount() {
  const project = await prisma.project.findUnique({ where: { name: PROJECT }, select: { id: true } });
  return project ? prisma.trace.count({ where: { projectId: project.id } }) : 0;
}

async function seedIfNeeded() {
  const have = await traceCount();
  if (have >= TRACES) {
    console.log(`Database already holds ${number(have)} traces in project "${PROJECT}": no seeding.`);
    return null;
  }
  console.log(`Seeding ${number(TRACES)} demo traces into project "${PROJECT}" (has ${number(have)}) through the ingest path…`);
  let lastPrintMs = 0;
  const totals = await seedDemoData(prisma, {
    traces: TRACES,
    projectName: PROJECT,
    onProgress: (p) => {
      if (p.elapsedMs - lastPrintMs < 10_000 && p.traces < TRACES) return;
      lastPrintMs = p.elapsedMs;
      console.log(`  ${number(p.traces)} / ${number(TRACES)} traces · ${number(p.spans)} spans · ` +
        `${number(p.spans / (p.elapsedMs / 1000))} spans/s · ${(p.elapsedMs / 1000).toFixed(0)} s`);
    },
  });
  console.log(`Seeded ${number(totals.spans)} spans, ${number(totals.traces)} traces, ${number(totals.sessions)} sessions in ` +
    `${(totals.elapsedMs / 1000).toFixed(1)} s (${number(totals.spans / (totals.elapsedMs / 1000))} spans/s).`);
  return totals;
}

const seeded = await seedIfNeeded();
if (seedOnly) process.exit(0);

const { listTraces } = await import("@/lib/traces/list-traces");
const { parseTraceFilters } = await import("@/lib/traces/trace-filters");
const { getTraceDetail } = await import("@/lib/traces/get-trace-detail");
const { loadTraceReview } = await import("@/lib/review/trace-review");
const { findProjectByName } = await import("@/lib/projects/projects");
const { reviewRubricsForProject } = await import("@/lib/review/project-rubrics");
const { traceReviewSummaries } = await import("@/lib/traces/trace-review-summary");
const { localAdminActor } = await import("@/lib/auth/local-mode");
const { annotationReader } = await import("@/lib/review/blind-review");

// The lists as an admin reads them (blind review never narrows what an admin sees).
const everyone = { userId: null, seesAll: true };
const raw = new pg.Client({ connectionString: DB_URL });
await raw.connect();

// --- the data set ---------------------------------------------------------
const project = await prisma.project.findUniqueOrThrow({ where: { name: PROJECT } });
const { rows: [stats] } = await raw.query<Record<string, string>>(`
  SELECT (SELECT count(*) FROM traces WHERE project_id = $1) AS traces,
         (SELECT count(*) FROM spans WHERE project_id = $1) AS spans,
         (SELECT count(*) FROM sessions WHERE project_id = $1) AS sessions,
         (SELECT count(*) FROM annotations) AS annotations,
         pg_size_pretty(pg_database_size(current_database())) AS db_size,
         pg_size_pretty(pg_total_relation_size('traces')) AS traces_size,
         pg_size_pretty(pg_total_relation_size('spans')) AS spans_size`, [project.id]);
console.log(`\nData: ${number(+stats.traces)} traces, ${number(+stats.spans)} spans, ${number(+stats.sessions)} sessions, ` +
  `${number(+stats.annotations)} annotations · database ${stats.db_size} (traces ${stats.traces_size}, spans ${stats.spans_size})`);
if (seeded) console.log(`Seed: ${(seeded.elapsedMs / 1000).toFixed(1)} s, ${number(seeded.spans / (seeded.elapsedMs / 1000))} spans/s`);
await raw.query("ANALYZE");

// --- measuring --------------------------------------------------------------
const timeRuns = (work: () => Promise<unknown>) => timeRunsOf(work, { warmups: WARMUPS, runs: RUNS });
const replay = (queries: Captured[]) => replayOn(raw, queries);

async function explainAll(name: string, queries: Captured[]) {
  console.log(`\n=== ${name}: ${queries.length} statement(s)`);
  for (const q of queries) {
    const { rows } = await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
    console.log(q.sql.replace(/\s+/g, " ").slice(0, 400), JSON.stringify(q.params).slice(0, 200));
    console.log(rows.map((r) => "  " + r["QUERY PLAN"]).join("\n"));
  }
}

type Result = { name: string; queries: number; server: Stats; sql: Stats | null; target: number };
const results: Result[] = [];

async function measure(name: string, work: () => Promise<unknown>, target = TARGET_MS) {
  process.stdout.write(`  ${name}… `);
  const server = await timeRuns(work);
  const queries = await capturedQueries(work);
  const sql = await timeRuns(replay(queries));
  if (explain) await explainAll(name, queries);
  results.push({ name, queries: queries.length, server, sql, target });
  console.log(`${server.p50.toFixed(1)} ms p50 (${queries.length} statement${queries.length === 1 ? "" : "s"}, raw SQL ${sql.p50.toFixed(1)} ms)`);
  return queries;
}

// The filtered page: errors mentioning refunds in a 10-day window of the demo period.
const filtered = { status: "ERROR", q: "refund", from: "2026-10-31T00:00:00Z", to: "2026-11-10T00:00:00Z" };
const firstPage = await listTraces(project.id, parseTraceFilters({}), everyone);
const filteredPage = await listTraces(project.id, parseTraceFilters(filtered), everyone);
const filteredCount = await prisma.$queryRaw<{ n: bigint }[]>`
  SELECT count(*) AS n FROM traces WHERE project_id = ${project.id} AND status_code = 'ERROR'
    AND start_time >= ${new Date(filtered.from)} AND start_time <= ${new Date(filtered.to)}
    AND search_vector @@ to_tsquery('english', 'refund:*')`;

// Follow the cursor DEEP_PAGES pages down, then time that page.
const DEEP_PAGES = 200;
let cursor: string | undefined;
let depth = 0;
for (; depth < DEEP_PAGES; depth++) {
  const page = await listTraces(project.id, parseTraceFilters({ cursor }), everyone);
  if (!page.nextCursor) break;
  cursor = page.nextCursor;
}
const deepFilters = parseTraceFilters({ cursor });
const deepPage = await listTraces(project.id, deepFilters, everyone);
const trace = deepPage.rows[0] ?? firstPage.rows[0];
if (!trace) throw new Error("No traces to measure.");

console.log(`\nFirst page ${firstPage.rows.length} rows · filtered page ${filteredPage.rows.length} rows ` +
  `(${number(Number(filteredCount[0].n))} match ${JSON.stringify(filtered)}) · deep page ${depth} pages × 50 rows down ` +
  `· trace ${trace.traceId} with ${trace.spanCount} spans`);
console.log(`Timing ${RUNS} runs after ${WARMUPS} warm-ups each:`);

const actor = await localAdminActor();
const pageData = async (filters: Record<string, string | undefined>) => {
  const ref = await findProjectByName(PROJECT);
  const parsed = parseTraceFilters(filters);
  const reader = annotationReader(actor, ref!);
  const [page] = await Promise.all([listTraces(ref!.id, parsed, reader), reviewRubricsForProject(ref!.id)]);
  await traceReviewSummaries(page.rows.map((row) => row.id), reader);
};

await measure("listTraces: first page", () => listTraces(project.id, parseTraceFilters({}), everyone));
await measure("listTraces: filtered page (ERROR, q=refund, 10 days)", () => listTraces(project.id, parseTraceFilters(filtered), everyone));
await measure("listTraces: text only (q=refund)", () => listTraces(project.id, parseTraceFilters({ q: "refund" }), everyone));
// Identifiers a customer quotes (issue 13 item 8), taken from the data: an
// order number, the same number bare, and an email address.
const { rows: [quoted] } = await raw.query<{ order: string; email: string }>(`
  SELECT (SELECT (regexp_match(input_preview, 'ORD-[0-9]{6}'))[1] FROM traces
          WHERE project_id = $1 AND input_preview ~ 'ORD-[0-9]{6}' ORDER BY id LIMIT 1) AS "order",
         (SELECT (regexp_match(output_preview, '[a-z]+\\.[a-z]+@[a-z0-9.-]+\\.[a-z]+'))[1] FROM traces
          WHERE project_id = $1 AND output_preview ~ '[a-z]+\\.[a-z]+@[a-z0-9.-]+\\.[a-z]+' ORDER BY id LIMIT 1) AS email`, [project.id]);
for (const q of [quoted.order, quoted.order.slice(4), quoted.email]) {
  const found = (await listTraces(project.id, parseTraceFilters({ q }), everyone)).rows.length;
  await measure(`listTraces: search ${JSON.stringify(q)} (${found} found)`, () => listTraces(project.id, parseTraceFilters({ q }), everyone));
}
await measure(`listTraces: deep keyset page (${depth} pages down)`, () => listTraces(project.id, deepFilters, everyone));
await measure("traces page data (first page + rubrics + review summaries)", () => pageData({}));
await measure("getTraceDetail", () => getTraceDetail(PROJECT, trace.traceId));
await measure("trace page data (detail + project + review panel)", async () => {
  const [ref, detail] = await Promise.all([findProjectByName(PROJECT), getTraceDetail(PROJECT, trace.traceId)]);
  const root = detail!.spans.find((s) => !s.parentSpanId) ?? detail!.spans[0];
  await loadTraceReview(actor, ref!, detail!.trace.id, root);
});

// --- over HTTP, when an app on this database answers ----------------------------
if (BASE_URL) {
  const get = (path: string) => async () => {
    const response = await fetch(BASE_URL + path, { redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} (start the app with AUTH_DISABLED=1 on ${DB_URL})`);
    return body;
  };
  const traces = `/projects/${PROJECT}/traces`;
  const timeHttp = async (name: string, path: string, sqlOf: string) => {
    process.stdout.write(`  ${name}… `);
    const server = await timeRuns(get(path));
    const sql = results.find((r) => r.name === sqlOf)?.sql ?? null;
    results.push({ name, queries: NaN, server, sql, target: TARGET_MS });
    console.log(`${server.p50.toFixed(1)} ms p50`);
  };
  console.log(`Over HTTP at ${BASE_URL}:`);
  await timeHttp("GET traces page", traces, "traces page data (first page + rubrics + review summaries)");
  await timeHttp("GET traces page, filtered", `${traces}?${new URLSearchParams(filtered)}`, "listTraces: filtered page (ERROR, q=refund, 10 days)");
  await timeHttp("GET traces page, deep cursor", `${traces}?cursor=${cursor}`, `listTraces: deep keyset page (${depth} pages down)`);
  await timeHttp("GET trace page", `${traces}/${trace.traceId}`, "trace page data (detail + project + review panel)");
} else {
  console.log("(Set BENCH_BASE_URL to an app on this database with AUTH_DISABLED=1 to time the pages over HTTP too.)");
}

// --- the table --------------------------------------------------------------------
const ms = (v: number | undefined) => (v === undefined ? "–" : `${v.toFixed(1)} ms`);
const header = ["query", "stmts", "p50", "p95", "raw SQL p50", "raw SQL p95", "target p50", "result"];
const table = results.map((r) => [
  r.name, Number.isNaN(r.queries) ? "http" : String(r.queries), ms(r.server.p50), ms(r.server.p95), ms(r.sql?.p50), ms(r.sql?.p95),
  `≤ ${r.target} ms`, r.server.p50 <= r.target ? "pass" : "FAIL",
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${table.map(line).join("\n")}`);
console.log(`\np50/p95 over ${RUNS} runs; "raw SQL" replays the same statements and parameters on one pg connection, in sequence.`);

await raw.end();
process.exit(0);
