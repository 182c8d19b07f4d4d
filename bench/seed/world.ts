// The one world `npm run bench` measures: project "bench" in its own database,
// with demo support-bot traces through the ingest path, ratings and notes by
// several reviewers, a half-worked review queue, and a LEAD's API key and
// session cookie. Sizes come from the command line (bench/suite/args.ts).
import { spawnSync } from "node:child_process";
import pg from "pg";
import type { Db } from "@/lib/db";
import type { BenchWorld } from "../suite/contract";
import { benchDatabase } from "../measure";
import { insertNotes, noteTexts } from "../notes-page-seed";
import { seedAnnotations } from "./annotations";
import { seedSpans } from "./spans";

export type WorldSizes = { traces: number; spansPerTrace: number; annotations: number; notes: number; queueItems: number; reviewers: number };
export type SeededWorld = Omit<BenchWorld, "baseUrl" | "serverPid" | "quick"> & {
  seedSeconds: number | null;
  /** How long each part of the seed took, e.g. "spans 312 s (3,205 spans/s)"; empty when reused. */
  seedStages: string[];
  databaseSize: string;
};

export const BENCH_PROJECT = "bench";
const LEAD_EMAIL = "lead@bench.dev";
const reviewerEmail = (i: number) => `reviewer${i + 1}@bench.dev`;
/** Every bench user's password, for scenarios that sign in through the form. */
export const BENCH_PASSWORD = "bench-password-1";
// The queue starts mid-way, as a queue is when reviewers come back to it.
const QUEUE_COMPLETE = 0.4;
const QUEUE_HALF = 0.02;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Seeds the world into `databaseUrl` (recreated), or reuses it when `reuse` and
 * it holds a finished seed of the same sizes (the database's comment records
 * them). Either way a fresh API key and session are made for this run.
 * DATABASE_URL must already point at `databaseUrl` (lib/db.ts reads it on import).
 */
export async function prepareWorld(databaseUrl: string, sizes: WorldSizes, { reuse, log }: { reuse: boolean; log: (line: string) => void }): Promise<SeededWorld> {
  const database = benchDatabase(databaseUrl);
  const marker = JSON.stringify(sizes);
  const existing = await database.admin(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [database.name]);
  const reusable = reuse && existing.rows[0]?.comment === marker;
  let seedSeconds: number | null = null;
  const seedStages: string[] = [];
  if (reusable) {
    log(`Reusing database ${database.name} (seeded with these sizes before).`);
  } else {
    await database.recreate();
    migrate(databaseUrl);
    log(`Database ${database.name}: created and migrated.`);
    const started = performance.now();
    await seed(databaseUrl, sizes, (line) => log(line), seedStages);
    seedSeconds = (performance.now() - started) / 1000;
    await database.admin(`COMMENT ON DATABASE "${database.name.replace(/"/g, '""')}" IS '${marker.replace(/'/g, "''")}'`);
    log(`Seeded in ${seedSeconds.toFixed(0)} s.`);
  }
  return { ...(await describe(databaseUrl, sizes)), seedSeconds, seedStages };
}

// In a process of its own: on Postgres the schema engine's advisory lock stays
// with its pooled connection until the process exits, and the server's own
// migration check (scripts/start.ts) would time out waiting for it.
function migrate(databaseUrl: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Migrating ${databaseUrl} failed:\n${result.stdout}${result.stderr}`);
}

async function seed(databaseUrl: string, sizes: WorldSizes, log: (line: string) => void, stages: string[]) {
  // A client of its own, without the runner's query log (bench/suite/capture.ts):
  // logging would serialize every ingest batch's parameters once more.
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { openAdapter } = await import("@/lib/db/adapter");
  const prisma = new PrismaClient({ adapter: openAdapter({ kind: "postgres", url: databaseUrl }).factory });
  try {
    await seedWith(prisma, databaseUrl, sizes, log, stages);
  } finally {
    await prisma.$disconnect();
  }
}

async function seedWith(prisma: Db, databaseUrl: string, sizes: WorldSizes, log: (line: string) => void, stages: string[]) {
  const { hashPassword } = await import("@/lib/auth/secrets");
  const { seedDemoRubrics } = await import("@/lib/demo/demo-rubrics");

  // People first: a lead and the reviewers (one password hash for all).
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await prisma.user.create({ data: { email: LEAD_EMAIL, name: "Bench Lead", role: "LEAD", passwordHash } });
  for (let i = 0; i < sizes.reviewers; i++) {
    await prisma.user.create({ data: { email: reviewerEmail(i), name: `Bench Reviewer ${i + 1}`, role: "REVIEWER", passwordHash } });
  }

  let started = performance.now();
  log(`Seeding ${sizes.traces.toLocaleString("en-US")} traces × ${sizes.spansPerTrace} spans through ingestSpans…`);
  const spans = await seedSpans(prisma, { traces: sizes.traces, spansPerTrace: sizes.spansPerTrace, projectName: BENCH_PROJECT, log });
  const spanRate = `${Math.round(spans.spans / spans.seconds).toLocaleString("en-US")} spans/s`;
  log(`  ${spans.spans.toLocaleString("en-US")} spans in ${spans.seconds.toFixed(0)} s (${spanRate})`);
  stages.push(`spans ${spans.seconds.toFixed(0)} s (${spanRate} through ingestSpans)`);
  await seedDemoRubrics(prisma, BENCH_PROJECT);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // The ingest path analyzes nothing: the planner needs row counts for what follows.
    await db.query("ANALYZE");
    const { rows: [project] } = await db.query<{ id: number }>(`SELECT id FROM projects WHERE name = $1`, [BENCH_PROJECT]);
    const reviewerIds = (await db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'REVIEWER' ORDER BY email`)).rows.map((r) => r.id);
    const leadId = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [LEAD_EMAIL])).rows[0].id;

    started = performance.now();
    log(`Seeding ${sizes.annotations.toLocaleString("en-US")} labels and scores…`);
    const annotations = await seedAnnotations(db, project.id, reviewerIds, sizes.annotations, log);
    log(`  ${annotations.toLocaleString("en-US")} in ${seconds(started)}`);
    stages.push(`labels and scores ${seconds(started)}`);

    started = performance.now();
    if (sizes.notes > 0) {
      // Targets from every 10th span, every trace and session: enough to spread 100k notes.
      const targets = {
        spans: (await db.query<{ id: number; traceRowId: number }>(`SELECT id, trace_row_id AS "traceRowId" FROM spans WHERE project_id = $1 AND id % 10 = 0`, [project.id])).rows,
        traces: (await db.query<{ id: number }>(`SELECT id FROM traces WHERE project_id = $1`, [project.id])).rows.map((r) => r.id),
        sessions: (await db.query<{ id: number }>(`SELECT id FROM sessions WHERE project_id = $1`, [project.id])).rows.map((r) => r.id),
      };
      const { rows: [period] } = await db.query<{ from: Date; to: Date }>(`SELECT min(start_time) AS "from", max(end_time) AS "to" FROM traces WHERE project_id = $1`, [project.id]);
      const authors = [...reviewerIds.map((id) => ({ id, weight: 3 })), { id: leadId, weight: 1 }];
      const notes = await insertNotes(db, project.id, noteTexts(sizes.notes), authors, targets, period);
      log(`Notes: ${notes.inserted.toLocaleString("en-US")} (${notes.tagged.toLocaleString("en-US")} tagged with themes) in ${seconds(started)}`);
      stages.push(`notes ${seconds(started)}`);
    }

    started = performance.now();
    await seedQueue(db, project.id, leadId, sizes.queueItems);
    log(`Queue: ${sizes.queueItems.toLocaleString("en-US")} items (N = 2, ${QUEUE_COMPLETE * 100}% complete) in ${seconds(started)}`);
    stages.push(`queue ${seconds(started)}`);

    started = performance.now();
    await db.query("VACUUM ANALYZE");
    log(`VACUUM ANALYZE in ${seconds(started)}`);
    stages.push(`VACUUM ANALYZE ${seconds(started)}`);
  } finally {
    await db.end();
  }
}

/** A correctness queue over the newest traces, N = 2, worked part-way by the first two reviewers. */
async function seedQueue(db: pg.Client, projectId: number, leadId: string, items: number) {
  const { rows: [queue] } = await db.query<{ id: number }>(`
    INSERT INTO review_queues (project_id, name, instructions, target_kind, reviews_needed, created_by_id, updated_at)
    VALUES ($1, 'Correctness pass', 'Label **correctness** for each turn.', 'TRACE', 2, $2, now()) RETURNING id`, [projectId, leadId]);
  await db.query(`INSERT INTO queue_rubrics (queue_id, rubric_id) SELECT $1, id FROM rubrics WHERE name = 'correctness'`, [queue.id]);
  await db.query(`INSERT INTO queue_items (queue_id, target_id)
    SELECT $1, id FROM traces WHERE project_id = $2 ORDER BY start_time DESC, id DESC LIMIT $3`, [queue.id, projectId, items]);
  const complete = Math.floor(items * QUEUE_COMPLETE);
  const half = Math.floor(items * QUEUE_HALF);
  await db.query(`
    WITH ranked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM queue_items WHERE queue_id = $1),
    reviewers AS (SELECT ARRAY(SELECT id FROM users WHERE role = 'REVIEWER' ORDER BY email) AS ids)
    INSERT INTO queue_reviews (item_id, user_id, status, updated_at)
    SELECT r.id, (SELECT ids[1 + ((r.n + k) % array_length(ids, 1))::int] FROM reviewers), 'DONE'::"QueueReviewStatus", now()
    FROM ranked r CROSS JOIN generate_series(0, 1) k
    WHERE r.n <= $2 OR (r.n <= $2 + $3 AND k = 0)`, [queue.id, complete, half]);
  await db.query(`
    UPDATE queue_items i SET done_count = c.n, completed_at = CASE WHEN c.n >= 2 THEN now() END
    FROM (SELECT item_id, count(*)::int AS n FROM queue_reviews GROUP BY item_id) c WHERE c.item_id = i.id`);
}

/** What the database holds, plus a fresh API key and signed-in session of the lead. */
async function describe(databaseUrl: string, sizes: WorldSizes): Promise<Omit<SeededWorld, "seedSeconds" | "seedStages">> {
  const { prisma } = await import("@/lib/db");
  const { actorForUser, openSession } = await import("@/lib/auth/sessions");
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { SESSION_COOKIE } = await import("@/lib/auth/current-actor");
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows: [row] } = await db.query(`
      SELECT p.id AS "projectId",
        (SELECT count(*)::int FROM traces WHERE project_id = p.id) AS traces,
        (SELECT count(*)::int FROM spans WHERE project_id = p.id) AS spans,
        (SELECT count(*)::int FROM sessions WHERE project_id = p.id) AS sessions,
        (SELECT count(*)::int FROM annotations WHERE project_id = p.id AND name <> 'note') AS annotations,
        (SELECT count(*)::int FROM annotations WHERE project_id = p.id AND name = 'note') AS notes,
        (SELECT id FROM review_queues WHERE project_id = p.id ORDER BY id LIMIT 1) AS "queueId",
        pg_size_pretty(pg_database_size(current_database())) AS "databaseSize"
      FROM projects p WHERE p.name = $1`, [BENCH_PROJECT]);
    if (!row) throw new Error(`No project "${BENCH_PROJECT}" in ${databaseUrl}`);
    const queueItems = (await db.query(`SELECT count(*)::int AS n FROM queue_items WHERE queue_id = $1`, [row.queueId])).rows[0].n as number;
    const reviewers = (await db.query<{ userId: string; email: string }>(
      `SELECT id AS "userId", email FROM users WHERE role = 'REVIEWER' ORDER BY email LIMIT $1`, [sizes.reviewers])).rows
      .map((r) => ({ ...r, identifier: `px-app:${r.userId}` }));
    const lead = actorForUser(await prisma.user.findUniqueOrThrow({ where: { email: LEAD_EMAIL } }));
    const { secret } = await createApiKey(lead, { name: `bench ${new Date().toISOString()}` });
    const { token } = await openSession(lead.userId!, "npm run bench");
    return {
      databaseUrl,
      apiKey: secret,
      sessionCookie: `${SESSION_COOKIE}=${token}`,
      projectName: BENCH_PROJECT,
      projectId: String(row.projectId),
      counts: { traces: row.traces, spans: row.spans, sessions: row.sessions, annotations: row.annotations, notes: row.notes, queueItems },
      reviewers,
      queueId: String(row.queueId),
      databaseSize: row.databaseSize,
    };
  } finally {
    await db.end();
  }
}
