// `npm run bench:notes`: server time of the notes page's list and count on a
// project with 100k notes, each beside the raw SQL of the same statements.
//   BENCH_DATABASE_URL  database to create, use and drop (default postgresql://postgres@127.0.0.1:5432/marginalia_bench_notes)
//   BENCH_TRACES        demo traces to seed under the notes (default 20000)
//   BENCH_NOTES         notes to write (default 100000)
//   BENCH_RUNS          timed runs per query (default 30, after 3 warm-ups)
//   BENCH_KEEP=1        keep the database afterwards (a second run then reuses it)
//   --explain           print EXPLAIN (ANALYZE, BUFFERS) of every statement measured
// "raw SQL" replays, on one plain `pg` connection, exactly the statements and
// parameters listNotes / countNotes sent (captured from Prisma's query log).
// Target: p50 ≤ 100 ms per call.
import pg from "pg";
import { benchDatabase, installCapturingClient, printTimingTable, replay as replayOn, timeRuns as timeRunsOf, type Captured, type Stats } from "./measure";
import { insertNotes, noteTexts, RARE_PHRASE } from "./notes-page-seed";

const DB_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/marginalia_bench_notes";
const TRACES = Number(process.env.BENCH_TRACES ?? 20_000);
const NOTES = Number(process.env.BENCH_NOTES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUPS = 3;
const KEEP = process.env.BENCH_KEEP === "1";
const TARGET_MS = 100;
const PROJECT = "bench-notes";
const explain = process.argv.includes("--explain");
process.env.DATABASE_URL = DB_URL;

const number = (value: number) => Math.round(value).toLocaleString("en-US");
const database = benchDatabase(DB_URL);
await database.ensure();
const { applyPendingMigrations } = await import("@/lib/db/migrate");
await applyPendingMigrations({ kind: "postgres", url: DB_URL });

// Our own client with the query log on, so every statement listNotes sends can be replayed.
const { capturedQueries } = await installCapturingClient(DB_URL);
const { prisma } = await import("@/lib/db");
const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
const { listNotes, countNotes } = await import("@/lib/themes/list-notes");
const { parseNoteFilters } = await import("@/lib/themes/note-filters");
const { localAdminActor } = await import("@/lib/auth/local-mode");
const raw = new pg.Client({ connectionString: DB_URL });
await raw.connect();

// --- the data set -----------------------------------------------------------------
let project = await prisma.project.findUnique({ where: { name: PROJECT }, select: { id: true } });
if (!project) {
  const started = performance.now();
  const seeded = await seedDemoData(prisma, { traces: TRACES, projectName: PROJECT });
  console.log(`Seeded ${number(seeded.traces)} traces, ${number(seeded.spans)} spans, ${number(seeded.sessions)} sessions ` +
    `(+ ${seeded.notes} demo notes) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  project = await prisma.project.findUniqueOrThrow({ where: { name: PROJECT }, select: { id: true } });
}
const projectId = project.id;
const { rows: [{ n: existing }] } = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM annotations WHERE project_id = $1 AND name = 'note'`, [projectId]);
if (existing < NOTES) {
  // Several authors, unevenly busy: two heavy reviewers, a lead, and a few occasional ones.
  const people = [["Rae", 30], ["Rob", 25], ["Lee", 8], ["Sam", 12], ["Kim", 10], ["Ola", 8], ["Ana", 5], ["Tom", 2]] as const;
  const authors: { id: string; weight: number }[] = [];
  for (const [name, weight] of people) {
    const { rows: [user] } = await raw.query<{ id: string }>(`INSERT INTO users (id, email, name, role, updated_at)
      VALUES (gen_random_uuid(), $1, $2, 'REVIEWER', now()) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id::text`,
      [`${name.toLowerCase()}@bench.dev`, name]);
    authors.push({ id: user.id, weight });
  }
  const { rows: spans } = await raw.query<{ id: number; traceRowId: number }>(`SELECT id, trace_row_id AS "traceRowId" FROM spans WHERE project_id = $1`, [projectId]);
  const traces = (await raw.query<{ id: number }>(`SELECT id FROM traces WHERE project_id = $1`, [projectId])).rows.map((r) => r.id);
  const sessions = (await raw.query<{ id: number }>(`SELECT id FROM sessions WHERE project_id = $1`, [projectId])).rows.map((r) => r.id);
  const { rows: [period] } = await raw.query<{ from: Date; to: Date }>(`SELECT min(start_time) AS "from", max(end_time) AS "to" FROM traces WHERE project_id = $1`, [projectId]);
  const started = performance.now();
  const texts = noteTexts(NOTES - existing);
  const written = await insertNotes(raw, projectId, texts, authors, { spans, traces, sessions }, period);
  console.log(`Wrote ${number(written.inserted)} notes (${number(written.tagged)} tagged, ${written.themeIds.length} themes) ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s, one INSERT for notes and one for tags.`);
}
// Steady state, as autovacuum leaves it: fresh rows have no visibility map yet, so
// index-only scans would visit the heap for every row and skew the figures.
await raw.query("VACUUM ANALYZE annotations");
await raw.query("VACUUM ANALYZE note_themes");
await raw.query("ANALYZE");

const { rows: [stats] } = await raw.query<Record<string, string>>(`
  SELECT (SELECT count(*) FROM annotations WHERE project_id = $1 AND name = 'note') AS notes,
         (SELECT count(*) FROM traces WHERE project_id = $1) AS traces,
         (SELECT count(*) FROM note_themes) AS tags,
         pg_size_pretty(pg_total_relation_size('annotations')) AS size`, [projectId]);
console.log(`Data: ${number(+stats.notes)} notes on ${number(+stats.traces)} traces, ${number(+stats.tags)} theme tags · annotations ${stats.size}`);

// --- the filters measured ---------------------------------------------------------------
const pickOne = async (sql: string) => (await raw.query(sql, [projectId])).rows[0];
const rareAuthor = await pickOne(`SELECT u.id::text AS id, u.name, count(*)::int AS n FROM annotations a JOIN users u ON u.id = a.user_id
  WHERE a.project_id = $1 AND a.name = 'note' GROUP BY u.id, u.name ORDER BY n ASC LIMIT 1`);
const busyAuthor = await pickOne(`SELECT u.id::text AS id, u.name, count(*)::int AS n FROM annotations a JOIN users u ON u.id = a.user_id
  WHERE a.project_id = $1 AND a.name = 'note' GROUP BY u.id, u.name ORDER BY n DESC LIMIT 1`);
const themeSizes = `SELECT t.id, t.name, count(*)::int AS n FROM themes t JOIN note_themes nt ON nt.theme_id = t.id WHERE t.project_id = $1 GROUP BY t.id, t.name`;
const bigTheme = await pickOne(`${themeSizes} ORDER BY n DESC LIMIT 1`);
const smallTheme = await pickOne(`${themeSizes} ORDER BY n ASC LIMIT 1`);
const matching = async (q: string) => (await pickOne(`SELECT count(*)::int AS n FROM annotations WHERE project_id = $1 AND name = 'note'
  AND search_vector @@ websearch_to_tsquery('english', '${q.replace(/'/g, "''")}')`)).n as number;
const COMMON = "customer";
const rare = `"${RARE_PHRASE}"`;
const untagged = (await pickOne(`SELECT count(*)::int AS n FROM annotations n WHERE n.project_id = $1 AND n.name = 'note'
  AND NOT EXISTS (SELECT 1 FROM note_themes nt WHERE nt.annotation_id = n.id)`)).n as number;
const cases: [string, Record<string, string>][] = [
  ["first page, no filter", {}],
  [`search a common word: ${COMMON} (${number(await matching(COMMON))} notes)`, { q: COMMON }],
  [`search a rare phrase: ${rare} (${await matching(rare)} notes)`, { q: rare }],
  [`reviewer ${busyAuthor.name} (${number(busyAuthor.n)} notes)`, { reviewer: busyAuthor.id }],
  [`reviewer ${rareAuthor.name} (${number(rareAuthor.n)} notes)`, { reviewer: rareAuthor.id }],
  [`theme "${bigTheme.name}" (${number(bigTheme.n)} notes)`, { theme: String(bigTheme.id) }],
  [`theme "${smallTheme.name}" (${number(smallTheme.n)} notes)`, { theme: String(smallTheme.id) }],
  [`untagged (${number(untagged)} notes)`, { untagged: "1" }],
];

// --- measuring ------------------------------------------------------------------------------
const timeRuns = (work: () => Promise<unknown>) => timeRunsOf(work, { warmups: WARMUPS, runs: RUNS });
const replay = (queries: Captured[]) => replayOn(raw, queries);

const actor = await localAdminActor();
type Result = { name: string; server: Stats; sql: Stats; rows: string };
const results: Result[] = [];
console.log(`Timing ${RUNS} runs after ${WARMUPS} warm-ups each (as an admin; blind review off):`);
for (const [name, raw_] of cases) {
  const filters = parseNoteFilters(raw_);
  for (const [what, work] of [
    ["listNotes", () => listNotes(actor, projectId, filters)],
    ["countNotes", () => countNotes(actor, projectId, filters)],
  ] as const) {
    const label = `${what}: ${name}`;
    process.stdout.write(`  ${label}… `);
    const answer = await work();
    const rows = "rows" in answer ? `${answer.rows.length} rows` : `${answer.count}${answer.capped ? "+" : ""}`;
    const server = await timeRuns(work);
    const queries = await capturedQueries(work);
    // The project lookup (blind review setting) is part of the call; the statement that matters is the last.
    const sql = await timeRuns(replay(queries));
    results.push({ name: label, server, sql, rows });
    console.log(`${server.p50.toFixed(1)} ms p50 (${rows}; raw SQL ${sql.p50.toFixed(1)} ms)`);
    if (explain) {
      const last = queries.filter((q) => /^\s*(SELECT|WITH)/i.test(q.sql)).at(-1)!;
      const { rows: plan } = await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${last.sql}`, last.params);
      console.log(plan.map((r) => `      ${r["QUERY PLAN"]}`).join("\n"));
    }
  }
}

printTimingTable(results.map((r) => ({ ...r, result: r.rows })), { runs: RUNS, targetMs: TARGET_MS });

await raw.end();
await prisma.$disconnect();
if (!KEEP) {
  await database.drop();
  console.log(`Dropped database ${database.name} (BENCH_KEEP=1 keeps it).`);
}
process.exit(results.every((r) => r.server.p50 <= TARGET_MS) ? 0 : 1);
