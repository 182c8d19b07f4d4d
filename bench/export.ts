// `npm run bench:export`: exports of 100k and 1M annotation rows (long CSV, long JSONL,
// wide CSV) through exportAnnotations(), the route's domain function, read to the end
// as a client would. Each export runs in a child process of its own, which reports
// rows, bytes, time, time to first byte and its peak RSS (VmHWM of /proc/self/status,
// and process.memoryUsage().rss sampled every 20 ms): flat memory means the 1M-row
// export peaks where the 100k one does.
//   BENCH_DATABASE_URL  database to create, use and drop (default postgresql://postgres@127.0.0.1:5432/marginalia_bench_export)
//   BENCH_SCALE         annotations of the big project, in thousands (default 1000; the small one has a tenth)
//   BENCH_KEEP=1        keep the database afterwards
// Seeded in SQL (generate_series): per trace 3 reviewers + an LLM judge on correctness
// (label) and helpfulness (score), per session 5 user_satisfaction scores, per root span
// a judge's relevance, explanations with commas, quotes and newlines, and notes.
// Measured 2026-12-02 (2 shared cores, load average ~16 from other benches and builds, so times are pessimistic):
//   export        rows        MiB    time     rows/s  1st byte  RSS before  peak RSS (VmHWM)  peak heap
//   long csv     100,000       21   34.2 s    2,920   3.2 s     221 MiB     351 MiB           137 MiB
//   long csv   1,000,000      212  127.1 s    7,865   5.6 s     227 MiB     381 MiB           160 MiB
//   long jsonl   100,000       45   12.6 s    7,929   1.4 s     226 MiB     325 MiB           109 MiB
//   long jsonl 1,000,000      449  106.1 s    9,424   4.0 s     232 MiB     382 MiB           164 MiB
//   wide csv      22,000 tgt    3   15.7 s    1,402   7.8 s     222 MiB     317 MiB           105 MiB
//   wide csv     220,000 tgt   33   84.4 s    2,605  18.4 s     228 MiB     372 MiB           158 MiB
// 10x the rows: peak RSS +8% (long csv), +17% (long jsonl), +17% (wide csv): flat, not proportional.
// The wide form's first byte waits for Postgres to group every row (GROUP BY before a row is out).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";
import { benchDatabase } from "./measure";

const DB_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/marginalia_bench_export";
const SCALE = Number(process.env.BENCH_SCALE ?? 1000);
const KEEP = process.env.BENCH_KEEP === "1";
const number = (value: number) => Math.round(value).toLocaleString("en-US");
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

type ChildResult = { rows: number; bytes: number; ms: number; firstByteMs: number; baselineRss: number; peakRss: number; sampledPeakRss: number; peakHeap: number };

function vmHwm(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) * 1024 : process.memoryUsage().rss;
}

// --- child: one export, measured -------------------------------------------------------
if (process.argv[2] === "--child") {
  const [, , , projectName, form, format] = process.argv;
  process.env.DATABASE_URL = DB_URL;
  const { prisma } = await import("@/lib/db");
  const { actorForUser } = await import("@/lib/auth/sessions");
  const { exportAnnotations } = await import("@/lib/export/export-annotations");
  const { exportQuerySchema } = await import("@/lib/export/export-query");
  const project = await prisma.project.findUniqueOrThrow({ where: { name: projectName }, select: { id: true, name: true, blindReview: true } });
  const lead = actorForUser(await prisma.user.findUniqueOrThrow({ where: { email: "lead@bench.dev" } }));
  await prisma.$queryRaw`SELECT 1`;
  globalThis.gc?.();
  const baselineRss = process.memoryUsage().rss;
  let sampledPeakRss = baselineRss;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    sampledPeakRss = Math.max(sampledPeakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 20);
  const started = performance.now();
  const file = await exportAnnotations(lead, project, exportQuerySchema.parse({ form, format }));
  let bytes = 0;
  let newlines = 0;
  let firstByteMs = 0;
  const reader = file.body.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    if (!bytes) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  // Rows: lines, less the CSV header (explanations with newlines are quoted, so count rows by the query).
  const rows = await countRows(project.id, form);
  const result: ChildResult = { rows, bytes, ms, firstByteMs, baselineRss, peakRss: vmHwm(), sampledPeakRss, peakHeap };
  void newlines;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await prisma.$disconnect();
  process.exit(0);

  async function countRows(projectId: number, exportForm: string): Promise<number> {
    const [row] = exportForm === "wide"
      ? await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT DISTINCT target_type, target_id, document_position FROM annotations WHERE project_id = ${projectId}) x`
      : await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM annotations WHERE project_id = ${projectId}`;
    return row.n;
  }
}

// --- parent: seed, then one child per export ------------------------------------------------
const database = benchDatabase(DB_URL);

await database.recreate();
const { applyPendingMigrations } = await import("@/lib/db/migrate");
await applyPendingMigrations({ kind: "postgres", url: DB_URL });
const pool = new pg.Pool({ connectionString: DB_URL, max: 2 });

// 10 annotations per trace (8 on the trace, 1 on its root span, 1 note on every 10th … see below),
// sessions of 5 traces with 5 satisfaction scores: `annotations` ≈ traces × 10.
async function seed(projectName: string, annotations: number) {
  const traces = Math.max(10, Math.round(annotations / 10));
  const started = performance.now();
  const { rows: [project] } = await pool.query<{ id: number }>(`INSERT INTO projects (name, updated_at) VALUES ($1, now()) RETURNING id`, [projectName]);
  const p = project.id;
  const userIds = (await pool.query<{ id: string }>(`SELECT id FROM users WHERE email LIKE 'r_@bench.dev' ORDER BY email`)).rows.map((r) => r.id);
  await pool.query(`
    INSERT INTO sessions (session_id, project_id, start_time, end_time, trace_count)
    SELECT $1 || '-s-' || g, $2, now() - g * interval '5 minutes', now() - g * interval '5 minutes' + interval '4 minutes', 5
    FROM generate_series(1, $3::int) g`, [projectName, p, Math.ceil(traces / 5)]);
  await pool.query(`
    INSERT INTO traces (trace_id, project_id, session_row_id, start_time, end_time, latency_ms, root_span_name, root_span_kind, status_code, input_preview)
    SELECT md5($1 || g), $2, (SELECT min(id) FROM sessions WHERE project_id = $2) + (g - 1) / 5,
      now() - g * interval '1 minute', now() - g * interval '1 minute' + interval '800 ms', 800, 'support_turn', 'CHAIN', 'OK', 'Question ' || g
    FROM generate_series(1, $3::int) g`, [projectName, p, traces]);
  await pool.query(`
    INSERT INTO spans (span_id, trace_row_id, project_id, name, span_kind, start_time, end_time)
    SELECT substr(t.trace_id, 1, 16), t.id, $1, 'support_turn', 'CHAIN', t.start_time, t.end_time FROM traces t WHERE t.project_id = $1`, [p]);
  const explanation = `'Checked against the policy, "refund within 30 days", step ' || t.id || E'.\\nSecond line, with a comma.'`;
  // Traces: 3 reviewers + the judge, on correctness (label) and helpfulness (score): 8 rows.
  await pool.query(`
    INSERT INTO annotations (project_id, target_type, target_id, trace_row_id, name, label, score, explanation, annotator_kind, identifier, user_id, source, created_at, updated_at)
    SELECT $1, 'TRACE', t.id, t.id, r.name,
      CASE WHEN r.name = 'correctness' THEN (ARRAY['correct', 'incorrect', 'partially_correct'])[1 + (t.id + a.n) % 3] END,
      CASE WHEN r.name = 'helpfulness' THEN ((t.id * 7 + a.n) % 10)::float ELSE (t.id + a.n) % 3 END,
      CASE WHEN (t.id + a.n) % 4 = 0 THEN ${explanation} END,
      CASE WHEN a.n = 4 THEN 'LLM' ELSE 'HUMAN' END::"AnnotatorKind",
      CASE WHEN a.n = 4 THEN 'judge-v1' ELSE 'px-app:' || ($2::uuid[])[a.n] END,
      CASE WHEN a.n = 4 THEN NULL ELSE ($2::uuid[])[a.n] END,
      CASE WHEN a.n = 4 THEN 'API' ELSE 'APP' END::"AnnotationSource", now(), now()
    FROM traces t CROSS JOIN generate_series(1, 4) a(n) CROSS JOIN (VALUES ('correctness'), ('helpfulness')) r(name)
    WHERE t.project_id = $1`, [p, userIds]);
  // Root spans: the judge's relevance.
  await pool.query(`
    INSERT INTO annotations (project_id, target_type, target_id, span_row_id, trace_row_id, name, label, score, annotator_kind, identifier, source, updated_at)
    SELECT $1, 'SPAN', s.id, s.id, s.trace_row_id, 'relevance', CASE WHEN s.id % 5 = 0 THEN 'irrelevant' ELSE 'relevant' END,
      CASE WHEN s.id % 5 = 0 THEN 0 ELSE 1 END, 'LLM', 'judge-v1', 'API', now()
    FROM spans s WHERE s.project_id = $1`, [p]);
  // Sessions: 5 satisfaction scores (3 reviewers, the judge, a second judge) = one per trace.
  await pool.query(`
    INSERT INTO annotations (project_id, target_type, target_id, session_row_id, name, score, annotator_kind, identifier, user_id, source, updated_at)
    SELECT $1, 'SESSION', s.id, s.id, 'user_satisfaction', 1 + (s.id + a.n) % 5,
      CASE WHEN a.n > 3 THEN 'LLM' ELSE 'HUMAN' END::"AnnotatorKind",
      CASE WHEN a.n = 4 THEN 'judge-v1' WHEN a.n = 5 THEN 'judge-v2' ELSE 'px-app:' || ($2::uuid[])[a.n] END,
      CASE WHEN a.n > 3 THEN NULL ELSE ($2::uuid[])[a.n] END, 'APP', now()
    FROM sessions s CROSS JOIN generate_series(1, 5) a(n) WHERE s.project_id = $1`, [p, userIds]);
  await pool.query(`ANALYZE`);
  const { rows: [count] } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM annotations WHERE project_id = $1`, [p]);
  console.log(`Seeded ${projectName}: ${number(traces)} traces, ${number(count.n)} annotations (${((performance.now() - started) / 1000).toFixed(1)} s).`);
}

await pool.query(`INSERT INTO users (id, email, name, role, updated_at)
  SELECT gen_random_uuid(), email, name, role::"Role", now()
  FROM (VALUES ('lead@bench.dev', 'Lead', 'LEAD'), ('r1@bench.dev', 'R1', 'REVIEWER'), ('r2@bench.dev', 'R2', 'REVIEWER'), ('r3@bench.dev', 'R3', 'REVIEWER')) v(email, name, role)`);
const small = "bench-export-small";
const big = "bench-export-big";
await seed(small, (SCALE * 1000) / 10);
await seed(big, SCALE * 1000);

function child(projectName: string, form: string, format: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/export.ts", "--child", projectName, form, format], {
      env: { ...process.env, DATABASE_URL: DB_URL, BENCH_DATABASE_URL: DB_URL },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    proc.stdout.on("data", (data) => (out += data));
    proc.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`child exited ${code}`))));
  });
}

console.log("\nexport                 rows        MiB     time     rows/s   1st byte  RSS before  peak RSS (VmHWM)  peak RSS sampled  peak heap");
const results: Record<string, ChildResult> = {};
for (const [form, format] of [["long", "csv"], ["long", "jsonl"], ["wide", "csv"]] as const) {
  for (const projectName of [small, big]) {
    const r = await child(projectName, form, format);
    results[`${projectName}:${form}:${format}`] = r;
    console.log(
      `${`${form} ${format} ${projectName === big ? "big" : "small"}`.padEnd(18)} ${number(r.rows).padStart(9)} ${(r.bytes / 1024 / 1024).toFixed(0).padStart(10)} ` +
        `${(r.ms / 1000).toFixed(1).padStart(7)} s ${number(r.rows / (r.ms / 1000)).padStart(10)} ${r.firstByteMs.toFixed(0).padStart(7)} ms ` +
        `${mib(r.baselineRss).padStart(10)} ${mib(r.peakRss).padStart(17)} ${mib(r.sampledPeakRss).padStart(17)} ${mib(r.peakHeap).padStart(10)}`,
    );
  }
}
for (const [form, format] of [["long", "csv"], ["long", "jsonl"], ["wide", "csv"]] as const) {
  const a = results[`${small}:${form}:${format}`];
  const b = results[`${big}:${form}:${format}`];
  console.log(`${form} ${format}: ${(b.rows / a.rows).toFixed(0)}× the rows, peak RSS ${mib(a.peakRss)} → ${mib(b.peakRss)} (${(((b.peakRss - a.peakRss) / a.peakRss) * 100).toFixed(0)}%)`);
}

await pool.end();
if (!KEEP) await database.drop();
