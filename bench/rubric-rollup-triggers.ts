// `npx tsx bench/rubric-rollup-triggers.ts`: what the rubric rollup triggers
// (annotation_rubric_counts / annotation_rubric_targets, migration
// 20261204002000_rubric_rollup) add to (a copy of bench/rollup-triggers.ts) to
// annotation writes: single-record INSERTs (autocommit, one client, as the API's
// single writes), single-record upserts that overwrite a value (the common
// re-label; here the score changes, so the trigger moves the value), and
// 1,000-row multi-row INSERTs. Each timed with the rollup triggers enabled and
// disabled (ALTER TABLE … DISABLE TRIGGER), interleaved in rounds so machine load
// hits both alike. Writes go to a scratch project, deleted afterwards.
//   BENCH_DATABASE_URL  a migrated database (default postgresql://postgres@127.0.0.1:5432/marginalia_bench_agg)
//   BENCH_ROUNDS        rounds (default 5): each times 200 single inserts, 200 upserts and 5 batches per mode
import pg from "pg";
import { percentiles } from "./measure";

const DB_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/marginalia_bench_agg";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TRIGGERS = ["annotation_rubric_counts_insert", "annotation_rubric_counts_update", "annotation_rubric_counts_delete"];
const client = new pg.Client({ connectionString: DB_URL });
await client.connect();
const { rows: [{ id: projectId }] } = await client.query(`INSERT INTO projects (name, updated_at) VALUES ('bench-rubric-rollup-triggers-' || gen_random_uuid(), now()) RETURNING id`);
// 1,000 sessions to annotate: one judge writes one value per session, as an LLM judge or a reviewer would
// (values spread over targets, few annotators: what the rollups are keyed by).
await client.query(`INSERT INTO sessions (session_id, project_id, start_time, end_time)
  SELECT 'bench-rollup-' || $1::int || '-' || g, $1::int, now(), now() FROM generate_series(1, 1000) g`, [projectId]);
const { rows: [{ first }] } = await client.query(`SELECT min(id) AS first FROM sessions WHERE project_id = $1`, [projectId]);
const setTriggers = (on: boolean) => client.query(TRIGGERS.map((t) => `ALTER TABLE annotations ${on ? "ENABLE" : "DISABLE"} TRIGGER ${t}`).join("; "));

let serial = 0;
const insertOne = `INSERT INTO annotations (project_id, target_type, target_id, session_row_id, name, score, annotator_kind, identifier, source, updated_at)
  VALUES ($1, 'SESSION', $2, $2, 'user_satisfaction', 3, 'LLM', $3, 'API', now())`;
const upsertOne = `INSERT INTO annotations (project_id, target_type, target_id, session_row_id, name, score, annotator_kind, identifier, source, updated_at)
  VALUES ($1, 'SESSION', $2, $2, 'user_satisfaction', $4, 'LLM', $3, 'API', now())
  ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET score = excluded.score, updated_at = now()`;
const batch = `INSERT INTO annotations (project_id, target_type, target_id, session_row_id, name, score, annotator_kind, identifier, source, updated_at)
  SELECT $1, 'SESSION', s.id, s.id, 'user_satisfaction', 1 + s.id % 5, 'LLM', $2, 'API', now() FROM sessions s WHERE s.project_id = $1`;

type Samples = { single: number[]; upsert: number[]; batch: number[] };
const modes: Record<"on" | "off", Samples> = { on: { single: [], upsert: [], batch: [] }, off: { single: [], upsert: [], batch: [] } };
async function time(into: number[], sql: string, params: unknown[]) {
  const t = performance.now();
  await client.query(sql, params);
  into.push(performance.now() - t);
}
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of round % 2 ? (["off", "on"] as const) : (["on", "off"] as const)) {
    await setTriggers(mode === "on");
    const s = modes[mode];
    const judge = `judge-${++serial}`;
    for (let i = 0; i < 200; i++) await time(s.single, insertOne, [projectId, first + i, judge]);
    for (let i = 0; i < 200; i++) await time(s.upsert, upsertOne, [projectId, first + i, judge, 1 + (i % 5)]);
    for (let i = 0; i < 5; i++) await time(s.batch, batch, [projectId, `batch-judge-${++serial}`]);
  }
}
await setTriggers(true);
// The triggers' own time as Postgres reports it (EXPLAIN ANALYZE lists each trigger's time), less exposed to
// the machine's load than the wall-clock difference: a warm single insert and a warm 1,000-row batch.
const triggerTimes: string[] = [];
for (const [label, sql, params] of [
  ["single-record INSERT", insertOne, [projectId, first + 500, `judge-explain-${++serial}`]],
  ["1,000-row INSERT", batch, [projectId, `batch-judge-explain-${++serial}`]],
] as const) {
  await client.query("BEGIN");
  await client.query(`EXPLAIN (ANALYZE) ${sql}`, [...params]); // warms the triggers' cached plans
  const { rows: plan } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE) ${sql}`,
    label === "single-record INSERT" ? [projectId, first + 501, `judge-explain-${++serial}`] : [projectId, `batch-judge-explain-${++serial}`]);
  await client.query("ROLLBACK");
  const lines = plan.map((r) => r["QUERY PLAN"]).filter((l) => /^Trigger annotation_(daily|target|rubric)_counts|^Execution Time/.test(l));
  triggerTimes.push(`  ${label}: ${lines.join("; ")}`);
}
await client.query(`DELETE FROM projects WHERE id = $1`, [projectId]);
const load = (await import("node:os")).loadavg()[0].toFixed(1);
const f = (v: number) => `${v.toFixed(3)} ms`;
console.log(`Rollup triggers on annotation writes (${ROUNDS} rounds, interleaved; load ${load} on ${(await import("node:os")).cpus().length} cores)`);
console.log(`${"write".padEnd(42)}${"off p50".padStart(12)}${"on p50".padStart(12)}${"added p50".padStart(12)}${"off p95".padStart(12)}${"on p95".padStart(12)}`);
for (const [key, label] of [["single", "single-record INSERT (autocommit)"], ["upsert", "single-record upsert, value overwritten"], ["batch", "1,000-row INSERT"]] as const) {
  const off = percentiles(modes.off[key]);
  const on = percentiles(modes.on[key]);
  console.log(`${label.padEnd(42)}${f(off.p50).padStart(12)}${f(on.p50).padStart(12)}${f(on.p50 - off.p50).padStart(12)}${f(off.p95).padStart(12)}${f(on.p95).padStart(12)}`);
}
console.log(`Trigger time inside Postgres (EXPLAIN ANALYZE, warm):\n${triggerTimes.join("\n")}`);
await client.end();
