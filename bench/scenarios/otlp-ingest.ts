import { randomBytes } from "node:crypto";
import pg from "pg";
import type { IngestSpan } from "@/lib/ingest/span-input";
import { protobufRequest, type SpanSpec } from "@/tests/fixtures/otlp-requests";
import type { BenchRow, BenchWorld, Scenario } from "../suite/contract";
import { backendPids, cpuDelta, cpuOf, processTree } from "../otlp-cpu";
import { workloadSpans } from "../otlp-workload";

// OTLP/HTTP ingest: OpenInference RAG traces (4 spans each, 5 traces to a
// session, bench/otlp-workload.ts) POSTed to /v1/traces as protobuf requests of
// 512 spans, 4 in flight, into a project of its own (so the seeded bench
// project, and what later scenarios measure there, stays as it was; the project
// is deleted afterwards). Beside it, the same spans written by the same domain
// function (ingestSpans: the same five statements per batch) over a plain `pg`
// connection, no HTTP, no protobuf, no Prisma: the ceiling of the route.
// CPU per 1,000 spans: the server's process tree, and the database's Postgres backends.

const BATCH = 512;
const CLIENTS = 4;
const TARGET = 5_000;

type Run = { ms: number; p50: number; p95: number; serverCpu: number; postgresCpu: number };

async function drive<T>(work: T[], send: (item: T) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < work.length) {
      const item = work[next++];
      const t = performance.now();
      await send(item);
      latencies.push(performance.now() - t);
    }
  }));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  return { ms: performance.now() - started, p50: at(0.5), p95: at(0.95) };
}

/** Runs `work`, measuring the CPU of `serverPid`'s process tree and of the database's backends meanwhile. */
async function measured(pool: pg.Pool, serverPid: number | null, work: () => Promise<{ ms: number; p50: number; p95: number }>): Promise<Run> {
  const serverBefore = serverPid ? cpuOf(processTree(serverPid)) : new Map<number, number>();
  const pgBefore = cpuOf(await backendPids(pool));
  const timing = await work();
  const serverCpu = serverPid ? cpuDelta(serverBefore, cpuOf(processTree(serverPid))) : 0;
  const postgresCpu = cpuDelta(pgBefore, cpuOf(await backendPids(pool)));
  return { ...timing, serverCpu, postgresCpu };
}

type Values = unknown[];
/** A Prisma-shaped transaction client over one pg connection: the domain's tagged SQL, sent as is. */
function pgTransactionClient(client: pg.PoolClient) {
  const text = (strings: TemplateStringsArray) => strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
  return {
    $queryRaw: async (strings: TemplateStringsArray, ...values: Values) => (await client.query(text(strings), values)).rows,
    $executeRaw: async (strings: TemplateStringsArray, ...values: Values) => (await client.query(text(strings), values)).rowCount ?? 0,
  };
}

/** Enough of the Prisma client for ingestSpans: $transaction over a pooled pg connection. */
function pgDb(pool: pg.Pool) {
  return {
    async $transaction<T>(work: (tx: ReturnType<typeof pgTransactionClient>) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(pgTransactionClient(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

const toIngest = (projectName: string) => (s: SpanSpec): IngestSpan => ({
  projectName, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, name: s.name,
  startTime: s.start, endTime: s.end, statusCode: (["UNSET", "OK", "ERROR"] as const)[s.status?.code ?? 0],
  attributes: s.attributes as IngestSpan["attributes"],
});

const batches = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

export const scenario: Scenario = {
  name: "otlp-ingest",
  description: "OTLP/HTTP ingest: 512-span protobuf batches to /v1/traces (4 in flight) into a project of its own; spans/s, CPU per 1,000 spans",
  needsServer: true,
  async run(world: BenchWorld, log): Promise<BenchRow[]> {
    if (!world.baseUrl) throw new Error("otlp needs the server");
    // ingestSpans loads lib/db, which opens the database in the environment.
    process.env.DATABASE_URL ??= world.databaseUrl;
    const { ingestSpans } = await import("@/lib/ingest/ingest-spans");
    type Db = Parameters<typeof ingestSpans>[1];

    const spanCount = world.quick ? 10 * BATCH : 80 * BATCH;
    const runId = randomBytes(3).toString("hex");
    const projects = { http: `bench-ingest-${runId}`, sql: `bench-ingest-sql-${runId}` };
    const pool = new pg.Pool({ connectionString: world.databaseUrl, max: CLIENTS + 1 });
    try {
      log(`encoding ${spanCount.toLocaleString("en")} spans into protobuf requests of ${BATCH}`);
      const bodies = batches(workloadSpans(spanCount, `${runId}-http`)).map((b) => protobufRequest(b));
      const headers = { authorization: `Bearer ${world.apiKey}`, "content-type": "application/x-protobuf", "x-project-name": projects.http };
      // One small request first: the route compiled and connections open before the clock starts.
      const warm = await fetch(`${world.baseUrl}/v1/traces`, { method: "POST", headers: { ...headers, "x-project-name": `${projects.http}-warm` }, body: new Uint8Array(protobufRequest(workloadSpans(4, `${runId}-warm`))) });
      if (warm.status !== 200) throw new Error(`POST /v1/traces: ${warm.status} ${await warm.text()}`);

      log(`POST /v1/traces × ${bodies.length}, ${CLIENTS} in flight`);
      const http = await measured(pool, world.serverPid, () => drive(bodies, async (body) => {
        const response = await fetch(`${world.baseUrl}/v1/traces`, { method: "POST", headers, body: new Uint8Array(body) });
        if (response.status !== 200) throw new Error(`POST /v1/traces: ${response.status} ${await response.text()}`);
        const answer = new Uint8Array(await response.arrayBuffer());
        if (answer.byteLength !== 0) throw new Error("POST /v1/traces answered a partial success: spans were rejected");
      }));
      const { rows: [stored] } = await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM spans WHERE project_id = (SELECT id FROM projects WHERE name = $1)", [projects.http]);
      if (stored.n !== spanCount) throw new Error(`expected ${spanCount} spans stored over HTTP, found ${stored.n}`);

      log(`the same work through ingestSpans on plain pg (no HTTP, no protobuf, no Prisma)`);
      const direct = batches(workloadSpans(spanCount, `${runId}-sql`).map(toIngest(projects.sql)));
      const db = pgDb(pool) as unknown as Db;
      const sql = await measured(pool, null, () => drive(direct, async (batch) => void (await ingestSpans(batch, db))));

      const rate = (run: Run) => Math.round((spanCount / run.ms) * 1000);
      const per1000 = (ms: number) => Math.round((ms / spanCount) * 1000);
      log(`HTTP ${rate(http)} spans/s (server ${per1000(http.serverCpu)} + Postgres ${per1000(http.postgresCpu)} ms CPU per 1k spans); plain pg ${rate(sql)} spans/s (Postgres ${per1000(sql.postgresCpu)} ms CPU per 1k)`);
      return [{
        figure: `OTLP ingest, ${BATCH}-span protobuf batches, ${CLIENTS} in flight`,
        p50Ms: http.p50,
        p95Ms: http.p95,
        throughput: { value: rate(http), unit: "spans/s" },
        cpuMsPer1000: per1000(http.serverCpu),
        rawSql: { p50Ms: sql.p50, p95Ms: sql.p95, throughput: { value: rate(sql), unit: "spans/s" } },
        target: "≥ 5,000 spans/s",
        met: rate(http) >= TARGET,
        note: `p50/p95 per batch; CPU per 1,000 spans: server ${per1000(http.serverCpu)} ms + Postgres ${per1000(http.postgresCpu)} ms` +
          ` (raw: Postgres ${per1000(sql.postgresCpu)} ms); ${spanCount.toLocaleString("en")} spans`,
      }];
    } finally {
      // Leave the world as it was: the spans, traces and sessions go with their projects.
      await pool.query("DELETE FROM projects WHERE name = ANY($1::text[])", [[projects.http, `${projects.http}-warm`, projects.sql]]).catch(() => {});
      await pool.end();
    }
  },
};
