// Working a queue (issue 10's targets, kept since): claim-next with 20 reviewers
// at once on the seeded queue (100k items, N = 2), timed as the domain call a
// server action waits for (server time), beside the same statement from 20 plain
// `pg` connections; and the queue page's progress (polled while a lead watches),
// over HTTP, as the domain call and as raw SQL.
// Each reviewer claims, then skips what they got (a skip is one statement, like
// completing, and needs no labels, so the annotations later scenarios count are
// left alone). Afterwards every claim, skip and helper user is removed again.
// Target: claim-next p50 ≤ 10 ms server time (issue 10). Queue progress has none (108 ms p50 at 100k items before issue 12).
import pg from "pg";
import { percentiles, replay } from "../measure";
import type { BenchRow, Scenario } from "../suite/contract";
import { benchPrisma, captureStatements, httpNote, load, timeGet, timeWithin } from "./dashboards";

const CLAIM_TARGET_MS = 10;
const REVIEWERS = 20;
const EMAIL = (i: number) => `claim-bench-${i}@bench.dev`;

export const scenario: Scenario = {
  name: "claim-next",
  description: "claim-next with 20 reviewers at once on the 100k-item queue, and the queue's progress, beside their raw SQL",
  needsServer: true,
  async run(world, log) {
    const claimsEach = world.quick ? 8 : 30;
    const warmups = 2;
    const prisma = await benchPrisma(world);
    const { actorForUser } = await import("@/lib/auth/sessions");
    const { claimNext, claimNextSql, skipItem } = await import("@/lib/queues/claims");
    const { queueProgress } = await import("@/lib/queues/queue-items");
    const project = await prisma.project.findUniqueOrThrow({ where: { name: world.projectName }, select: { id: true, name: true, blindReview: true } });
    const lead = actorForUser(await prisma.user.findFirstOrThrow({ where: { role: "LEAD", deactivatedAt: null }, orderBy: { email: "asc" } }));
    const queueId = Number(world.queueId);
    const pool = new pg.Pool({ connectionString: world.databaseUrl, max: REVIEWERS + 2 });
    const rows: BenchRow[] = [];

    // Twenty reviewers of the queue (the seed has a few; these are the bench's own, removed after).
    await pool.query(`INSERT INTO users (id, email, name, role, updated_at)
      SELECT gen_random_uuid(), 'claim-bench-' || i || '@bench.dev', 'Claim bench ' || i, 'REVIEWER', now() FROM generate_series(1, $1::int) i
      ON CONFLICT (email) DO NOTHING`, [REVIEWERS]);
    const users = await prisma.user.findMany({ where: { email: { in: Array.from({ length: REVIEWERS }, (_, i) => EMAIL(i + 1)) } }, orderBy: { email: "asc" } });
    await pool.query(`INSERT INTO queue_reviewers (queue_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [queueId, users.map((u) => u.id)]);
    const reviewers = users.map(actorForUser);
    try {
      // --- the app: 20 reviewers claiming and skipping at once ---------------------------------
      const claimOnce = async (actor: (typeof reviewers)[number], samples: number[] | null) => {
        const t = performance.now();
        const item = await claimNext(actor, project, queueId);
        samples?.push(performance.now() - t);
        if (item) await skipItem(actor, project, queueId, item.itemId, "bench: claim-next timing");
        return item;
      };
      const appSamples: number[] = [];
      let started = performance.now();
      await Promise.all(reviewers.map(async (actor) => {
        for (let i = 0; i < warmups + claimsEach; i++) if (!(await claimOnce(actor, i >= warmups ? appSamples : null))) break;
      }));
      const appWall = performance.now() - started;
      const app = percentiles(appSamples);

      // --- the raw SQL: the same claim statement (and the skip) from 20 plain connections ------------
      const rawSamples: number[] = [];
      started = performance.now();
      await Promise.all(reviewers.map(async (actor) => {
        const client = await pool.connect();
        const claim = claimNextSql(project, queueId, actor.userId!, false);
        try {
          for (let i = 0; i < warmups + claimsEach; i++) {
            const t = performance.now();
            const { rows: [item] } = await client.query<{ itemId: number | null }>(claim.text, claim.values as unknown[]);
            if (i >= warmups) rawSamples.push(performance.now() - t);
            if (!item?.itemId) break;
            await client.query(`WITH released AS (
                UPDATE queue_items SET claimed_by_id = NULL, claimed_at = NULL, claim_expires_at = NULL WHERE id = $1 AND claimed_by_id = $2 RETURNING id)
              INSERT INTO queue_reviews (item_id, user_id, status, reason, updated_at)
              SELECT id, $2, 'SKIPPED', 'bench: claim-next timing', now() FROM released ON CONFLICT DO NOTHING`, [item.itemId, actor.userId]);
          }
        } finally {
          client.release();
        }
      }));
      const rawStats = percentiles(rawSamples);
      log(`claim-next, ${REVIEWERS} reviewers at once: ${app.p50.toFixed(1)} ms p50 / ${app.p95.toFixed(1)} p95 ` +
        `(${Math.round(appSamples.length / (appWall / 1000))} claims/s with the skips); raw SQL ${rawStats.p50.toFixed(1)} ms (load ${await load()})`);
      rows.push({
        figure: `claim-next, ${REVIEWERS} reviewers at once (server time)`, p50Ms: app.p50, p95Ms: app.p95,
        throughput: { value: Math.round(appSamples.length / (appWall / 1000)), unit: "claims/s (each with a skip)" },
        rawSql: { p50Ms: rawStats.p50, p95Ms: rawStats.p95 },
        target: `p50 ≤ ${CLAIM_TARGET_MS} ms`, met: app.p50 <= CLAIM_TARGET_MS,
      });

      // --- queue progress: HTTP, domain, raw ---------------------------------------------------
      const runs = world.quick ? { warmups: 1, runs: 5, budgetMs: 4_000 } : { warmups: 2, runs: 30, budgetMs: 10_000 };
      const work = () => queueProgress(lead, project, queueId);
      const path = `/api/projects/${encodeURIComponent(world.projectName)}/queues/${queueId}/progress`;
      const server = await timeWithin(work, runs);
      const client = await pool.connect();
      const sql = await timeWithin(replay(client, await captureStatements(work)), runs).finally(() => client.release());
      const http = await timeGet(world, path, runs);
      log(`queue progress: ${server.p50.toFixed(1)} ms p50 server time, raw SQL ${sql.p50.toFixed(1)} ms, ${httpNote(http)}`);
      rows.push({
        figure: `queue progress, ${world.counts.queueItems.toLocaleString("en-US")} items (server time)`, p50Ms: server.p50, p95Ms: server.p95,
        rawSql: { p50Ms: sql.p50, p95Ms: sql.p95 }, target: "", met: null, note: httpNote(http),
      });
    } finally {
      // Leave the queue as seeded: the helper users' claims, skips and listing go with them.
      await pool.query(`UPDATE queue_items SET claimed_by_id = NULL, claimed_at = NULL, claim_expires_at = NULL WHERE claimed_by_id = ANY($1::uuid[])`, [users.map((u) => u.id)]);
      await pool.query(`DELETE FROM users WHERE id = ANY($1::uuid[])`, [users.map((u) => u.id)]);
      await pool.end();
    }
    return rows;
  },
};
