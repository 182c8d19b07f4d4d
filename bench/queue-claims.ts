// `npm run bench:queues`: claim-next on a review queue of 100k items (N = 2)
// worked by 20 reviewers at once, each claiming, labelling and completing in a
// loop, timed in the app (claimNext(), what a server action waits for) beside
// the raw SQL of the claim statement (20 plain `pg` connections doing the same).
//   BENCH_DATABASE_URL  database to create, use and drop (default postgresql://postgres@127.0.0.1:5432/marginalia_bench_queues)
//   BENCH_ITEMS         traces in the queue (default 100000)
//   BENCH_REVIEWERS     concurrent reviewers (default 20)
//   BENCH_RUNS          claims per reviewer (default 30, after 3 warm-ups each)
//   BENCH_KEEP=1        keep the database afterwards
//   --explain           print EXPLAIN (ANALYZE, BUFFERS) of the claim statement
// The queue starts 40% worked (complete with 2 reviews) and 2% half worked (one
// review), as a queue is mid-way; the traces are bare rows (the claim never reads them).
// Target: claimNext p50 ≤ 10 ms.
import pg from "pg";
import type { Actor } from "@/lib/auth/permissions";
import { benchDatabase, percentiles, installCapturingClient, type Stats } from "./measure";

const DB_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/marginalia_bench_queues";
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUPS = 3;
const KEEP = process.env.BENCH_KEEP === "1";
const TARGET_MS = 10;
const PROJECT = "bench-queues";
const explain = process.argv.includes("--explain");
process.env.DATABASE_URL = DB_URL;

const number = (value: number) => Math.round(value).toLocaleString("en-US");
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const database = benchDatabase(DB_URL);
await database.recreate();
const { applyPendingMigrations } = await import("@/lib/db/migrate");
await applyPendingMigrations({ kind: "postgres", url: DB_URL });

// The app's client (with the query log on, to capture the statements claimNext sends).
const { capturedQueries } = await installCapturingClient(DB_URL);
const { prisma } = await import("@/lib/db");
const { actorForUser } = await import("@/lib/auth/sessions");
const { reviewerIdentifier } = await import("@/lib/auth/permissions");
const { createQueue } = await import("@/lib/queues/queues");
const { claimNext, claimNextSql, completeReview } = await import("@/lib/queues/claims");
const pool = new pg.Pool({ connectionString: DB_URL, max: REVIEWERS + 2 });

// --- the data set -----------------------------------------------------------------
let started = performance.now();
const project = await prisma.project.create({ data: { name: PROJECT }, select: { id: true, blindReview: true } });
const rubric = await prisma.rubric.create({
  data: { name: "correctness", type: "CATEGORICAL", values: [{ label: "correct", score: 1 }, { label: "incorrect", score: 0 }], targets: ["TRACE"] },
});
await prisma.projectRubric.create({ data: { projectId: project.id, rubricId: rubric.id } });
const lead = actorForUser(await prisma.user.create({ data: { email: "lead@bench.dev", name: "Lead", role: "LEAD" } }));
const reviewers: Actor[] = [];
for (let i = 0; i < REVIEWERS; i++) {
  reviewers.push(actorForUser(await prisma.user.create({ data: { email: `r${i}@bench.dev`, name: `Reviewer ${i}`, role: "REVIEWER" } })));
}
await pool.query(`
  INSERT INTO traces (trace_id, project_id, start_time, end_time, latency_ms, root_span_name, status_code, input_preview)
  SELECT md5('bench' || g), $1, now() - g * interval '1 second', now() - g * interval '1 second' + interval '800 ms', 800,
    'support_turn', 'OK', 'Question ' || g
  FROM generate_series(1, $2::int) g`, [project.id, ITEMS]);
console.log(`Seeded ${number(ITEMS)} traces, ${REVIEWERS} reviewers in ${seconds(started)}.`);

started = performance.now();
const queueInput = { name: "Correctness pass", instructions: "", targetKind: "TRACE" as const, rubricIds: [rubric.id], reviewerIds: null, reviewsNeeded: 2 };
const { id: queueId, added } = await createQueue(lead, project, queueInput, { kind: "filter", query: "" });
const createMs = performance.now() - started;
console.log(`createQueue from the unfiltered traces list: ${number(added)} items in one INSERT … SELECT, ${createMs.toFixed(0)} ms.`);

// Mid-way: the first 40% complete (two reviews each), the next 2% with one review.
started = performance.now();
const complete = Math.floor(ITEMS * 0.4);
const half = Math.floor(ITEMS * 0.02);
const ids = `ARRAY(SELECT id FROM users WHERE email LIKE 'r%@bench.dev' ORDER BY email)`;
await pool.query(`
  WITH ranked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM queue_items WHERE queue_id = $1),
  reviewers AS (SELECT ${ids} AS ids)
  INSERT INTO queue_reviews (item_id, user_id, status, updated_at)
  SELECT r.id, (SELECT ids[1 + ((r.n + k * 7) % array_length(ids, 1))::int] FROM reviewers), 'DONE'::"QueueReviewStatus", now()
  FROM ranked r CROSS JOIN generate_series(0, 1) k
  WHERE r.n <= $2 OR (r.n <= $2 + $3 AND k = 0)`, [queueId, complete, half]);
await pool.query(`
  UPDATE queue_items i SET done_count = c.n, completed_at = CASE WHEN c.n >= 2 THEN now() END
  FROM (SELECT item_id, count(*)::int AS n FROM queue_reviews GROUP BY item_id) c WHERE c.item_id = i.id`);
await pool.query("VACUUM ANALYZE queue_items");
await pool.query("VACUUM ANALYZE queue_reviews");
await pool.query("ANALYZE");
console.log(`Queue mid-way: ${number(complete)} items complete, ${number(half)} with one review (${seconds(started)}).`);

// A reviewer's label, written straight in SQL (the bench times claims, not annotation writes).
async function label(userId: string, targetId: number) {
  await pool.query(`INSERT INTO annotations (project_id, target_type, target_id, trace_row_id, name, label, score, identifier, user_id, source, updated_at)
    VALUES ($1, 'TRACE', $2, $2, 'correctness', 'correct', 1, $3, $4, 'APP', now())
    ON CONFLICT DO NOTHING`, [project.id, targetId, reviewerIdentifier(userId), userId]);
}

// --- the app: 20 reviewers claiming, labelling and completing at once -------------------
type Worker = { claims: number[]; completes: number[]; got: number };
async function appWorker(actor: (typeof reviewers)[number]): Promise<Worker> {
  const worker: Worker = { claims: [], completes: [], got: 0 };
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    let t = performance.now();
    const item = await claimNext(actor, project, queueId);
    if (i >= WARMUPS) worker.claims.push(performance.now() - t);
    if (!item) break;
    worker.got++;
    await label(actor.userId!, item.targetId);
    t = performance.now();
    await completeReview(actor, project, queueId, item.itemId);
    if (i >= WARMUPS) worker.completes.push(performance.now() - t);
  }
  return worker;
}
started = performance.now();
const app = await Promise.all(reviewers.map(appWorker));
const appWall = performance.now() - started;
const appClaims = percentiles(app.flatMap((w) => w.claims));
const appCompletes = percentiles(app.flatMap((w) => w.completes));
console.log(`App: ${REVIEWERS} reviewers × ${WARMUPS + RUNS} claim → label → complete, ${seconds(started)} ` +
  `(${number((REVIEWERS * (WARMUPS + RUNS)) / (appWall / 1000))} items/s).`);

// One reviewer alone, for the uncontended figure.
const alone = await appWorker(reviewers[0]);
const aloneClaims = percentiles(alone.claims);

// --- the raw SQL: the same claim statement from 20 plain connections ----------------------
// The statements claimNext sent (queue + reviewer check, then the claim under its lock).
const captured = await capturedQueries(() => claimNext(reviewers[1], project, queueId));
await pool.query(`UPDATE queue_items SET claimed_by_id = NULL, claimed_at = NULL, claim_expires_at = NULL WHERE claimed_by_id IS NOT NULL`);
const completeSql = `
  WITH done AS (
    UPDATE queue_items i SET done_count = i.done_count + 1,
      completed_at = CASE WHEN i.done_count + 1 >= 2 THEN now() END,
      claimed_by_id = NULL, claimed_at = NULL, claim_expires_at = NULL
    WHERE i.id = $1 AND i.claimed_by_id = $2::uuid RETURNING i.id)
  INSERT INTO queue_reviews (item_id, user_id, status, updated_at) SELECT id, $2::uuid, 'DONE'::"QueueReviewStatus", now() FROM done`;
async function rawWorker(actor: (typeof reviewers)[number]): Promise<number[]> {
  const client = await pool.connect();
  const samples: number[] = [];
  const claim = claimNextSql(project, queueId, actor.userId!, false);
  try {
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      const t = performance.now();
      const { rows: [item] } = await client.query<{ itemId: number; targetId: number }>(claim.text, claim.values as unknown[]);
      if (i >= WARMUPS) samples.push(performance.now() - t);
      if (!item) break;
      await label(actor.userId!, item.targetId);
      await client.query(completeSql, [item.itemId, actor.userId]);
    }
  } finally {
    client.release();
  }
  return samples;
}
started = performance.now();
const rawClaims = percentiles((await Promise.all(reviewers.map(rawWorker))).flat());
console.log(`Raw SQL: ${REVIEWERS} connections × ${WARMUPS + RUNS} claim statements, ${seconds(started)}.`);

if (explain) {
  const claim = claimNextSql(project, queueId, reviewers[2].userId!, false);
  const client = await pool.connect();
  await client.query("BEGIN");
  const { rows: plan } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${claim.text}`, claim.values as unknown[]);
  await client.query("ROLLBACK");
  client.release();
  console.log(plan.map((r) => `      ${r["QUERY PLAN"]}`).join("\n"));
}

// The queue page's reads on the same queue (polled while a lead watches it), one caller.
const { queueProgress, listItems } = await import("@/lib/queues/queue-items");
const { listQueues } = await import("@/lib/queues/queues");
const reads: [string, () => Promise<unknown>][] = [
  ["queueProgress (queue page, polled)", () => queueProgress(lead, project, queueId)],
  ["listQueues (counts over 100k items)", () => listQueues(reviewers[0], project)],
  ["listItems, first page, status open", () => listItems(lead, project, queueId, { status: "open" })],
];
const readStats: { name: string; stats: Stats }[] = [];
for (const [name, work] of reads) readStats.push({ name, stats: await (await import("./measure")).timeRuns(work, { warmups: 2, runs: 15 }) });

// How busy the machine is: one round trip, through Prisma and through pg, nothing else running.
const { timeRuns } = await import("./measure");
const prismaTrip = await timeRuns(() => prisma.$queryRaw`SELECT 1`, { warmups: 3, runs: 30 });
const pgTrip = await timeRuns(() => pool.query("SELECT 1"), { warmups: 3, runs: 30 });

// --- the report -------------------------------------------------------------------------------
const { rows: [state] } = await pool.query<{ complete: number; reviews: number }>(`
  SELECT (SELECT count(*) FROM queue_items WHERE queue_id = $1 AND completed_at IS NOT NULL)::int AS complete,
         (SELECT count(*) FROM queue_reviews)::int AS reviews`, [queueId]);
const { rows: [{ doubled }] } = await pool.query<{ doubled: number }>(`
  SELECT count(*)::int AS doubled FROM (SELECT item_id FROM queue_reviews GROUP BY item_id HAVING count(*) > 2) x`);
console.log(`Queue after: ${number(state.complete)} complete, ${number(state.reviews)} reviews, ${doubled} items with more than N reviews.`);

const ms = (v: number) => `${v.toFixed(1)} ms`;
type Row = { name: string; server: Stats; sql: Stats | null; target: boolean };
const rows: Row[] = [
  { name: `claimNext, ${REVIEWERS} reviewers at once`, server: appClaims, sql: rawClaims, target: true },
  { name: "claimNext, one reviewer alone", server: aloneClaims, sql: null, target: false },
  { name: `completeReview, ${REVIEWERS} reviewers at once`, server: appCompletes, sql: null, target: false },
  ...readStats.map((r) => ({ name: r.name, server: r.stats, sql: null, target: false })),
  { name: "baseline: SELECT 1 alone", server: prismaTrip, sql: pgTrip, target: false },
];
const header = ["call", "p50", "p95", "max", "raw SQL p50", "raw SQL p95", "target p50", ""];
const table = rows.map((r) => [r.name, ms(r.server.p50), ms(r.server.p95), ms(r.server.max), r.sql ? ms(r.sql.p50) : "", r.sql ? ms(r.sql.p95) : "",
  r.target ? `≤ ${TARGET_MS} ms` : "", r.target ? (r.server.p50 <= TARGET_MS ? "pass" : "FAIL") : ""]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${table.map(line).join("\n")}`);
console.log(`\nLoad average ${(await import("node:os")).loadavg().map((n) => n.toFixed(1)).join(" ")} on ${(await import("node:os")).cpus().length} cores.`);
console.log(`${RUNS} timed claims per reviewer after ${WARMUPS} warm-ups, on ${number(ITEMS)} items (N = 2).`);
console.log(`claimNext sends one statement: queue_claim_next (the queue and reviewer check, the per-reviewer lock, then the claim):`);
console.log(captured.map((q) => `  ${q.sql.replace(/\s+/g, " ").trim()}`).join("\n"));
console.log(`"raw SQL" runs that statement on ${REVIEWERS} plain pg connections at once, each claiming, labelling and completing\n(one statement, not completeReview's four) in a loop like the app; the app's claims share its pool with its completes.`);

await pool.end();
await prisma.$disconnect();
if (!KEEP) {
  await database.drop();
  console.log(`Dropped database ${database.name} (BENCH_KEEP=1 keeps it).`);
}
process.exit(appClaims.p50 <= TARGET_MS && doubled === 0 ? 0 : 1);
