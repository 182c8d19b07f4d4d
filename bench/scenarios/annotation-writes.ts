import { randomBytes } from "node:crypto";
import pg from "pg";
import { apiWrites, CLIENTS, postgresCpu, postgresCpuSince, serverCpu, serverCpuSince, sqlWrites, warmUp } from "../annotation-writes";
import type { BenchRow, Scenario } from "../suite/contract";

// Single-record annotation writes over HTTP, 32 clients in closed loops, each
// request one new span annotation in the bench project, beside the same rows
// written by one INSERT … ON CONFLICT each on a plain pg pool. The rows are
// written under names of their own and deleted afterwards (with the history
// rows their deletion leaves), so the seeded world is as it was for the next scenario.
export const scenario: Scenario = {
  name: "writes",
  description: "annotation writes: single-record POST /v1/span_annotations, 32 concurrent clients (vs raw SQL upserts)",
  needsServer: true,
  async run(world, log) {
    if (!world.baseUrl) throw new Error("annotation writes need the app server");
    const seconds = world.quick ? 5 : 20;
    const pool = new pg.Pool({ connectionString: world.databaseUrl, max: CLIENTS });
    const tag = randomBytes(3).toString("hex");
    const apiName = `bench_writes_api_${tag}`;
    const sqlName = `bench_writes_sql_${tag}`;
    const warmName = `bench_writes_warm_${tag}`;
    try {
      const { rows: spans } = await pool.query<{ span_id: string }>(
        "SELECT span_id FROM spans WHERE project_id = $1 ORDER BY id LIMIT 2000", [Number(world.projectId)]);
      if (spans.length === 0) throw new Error("the bench project has no spans");
      const spanIds = spans.map((s) => s.span_id);
      const userId = world.reviewers[0]?.userId;
      if (!userId) throw new Error("the bench world has no reviewers");

      log(`warm-up (1,000 writes), then ${seconds} s over HTTP and ${seconds} s in SQL, ${CLIENTS} clients`);
      await warmUp(world.baseUrl, world.apiKey, spanIds, warmName);
      const app = serverCpu(world.serverPid);
      let pgBefore = await postgresCpu(pool);
      const api = await apiWrites(world.baseUrl, world.apiKey, spanIds, apiName, seconds);
      const appMs = serverCpuSince(app, world.serverPid);
      const apiPgMs = await postgresCpuSince(pool, pgBefore);
      log(`HTTP: ${api.count} writes, ${api.perSecond}/s, p50 ${api.p50.toFixed(1)} ms, p99 ${api.p99.toFixed(1)} ms; CPU per write app ${(appMs / api.count).toFixed(2)} ms, Postgres ${(apiPgMs / api.count).toFixed(2)} ms`);
      pgBefore = await postgresCpu(pool);
      const sql = await sqlWrites(pool, spanIds, sqlName, userId, seconds);
      const sqlPgMs = await postgresCpuSince(pool, pgBefore);
      log(`SQL: ${sql.count} writes, ${sql.perSecond}/s, p50 ${sql.p50.toFixed(1)} ms, p99 ${sql.p99.toFixed(1)} ms; Postgres CPU per write ${(sqlPgMs / sql.count).toFixed(2)} ms`);

      const met = api.perSecond >= 1000 && api.p99 <= 50;
      const row: BenchRow = {
        figure: `annotation writes, single-record, ${CLIENTS} clients (HTTP)`,
        p50Ms: api.p50, p95Ms: api.p95, p99Ms: api.p99,
        throughput: { value: api.perSecond, unit: "writes/s" },
        cpuMsPer1000: (appMs / api.count) * 1000,
        rawSql: { p50Ms: sql.p50, p95Ms: sql.p95, throughput: { value: sql.perSecond, unit: "writes/s" } },
        target: "≥ 1,000 writes/s, p99 ≤ 50 ms",
        met,
        note: `server CPU ${(appMs / api.count).toFixed(2)} ms + Postgres ${(apiPgMs / api.count).toFixed(2)} ms per write (raw SQL: Postgres ${(sqlPgMs / sql.count).toFixed(2)} ms)`,
      };
      return [row];
    } finally {
      // Deleting leaves history rows (trigger): those go too.
      await pool.query("DELETE FROM annotations WHERE project_id = $1 AND name = ANY($2::text[])", [Number(world.projectId), [apiName, sqlName, warmName]]);
      await pool.query("DELETE FROM annotation_history WHERE project_id = $1 AND name = ANY($2::text[])", [Number(world.projectId), [apiName, sqlName, warmName]]);
      await pool.end();
    }
  },
};
