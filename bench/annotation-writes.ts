// `npm run bench:annotations`: annotation write throughput of a running app on
// Postgres, each figure beside the same inserts done directly in SQL.
//   BENCH_URL     the app (default http://127.0.0.1:6006)
//   DATABASE_URL  the app's database (set-up, the SQL baseline, clean-up)
//   BENCH_SECONDS how long each closed loop runs (default 10)
// Targets: ≥ 1,000 single-record writes/s with 32 clients and p99 ≤ 50 ms;
// 10,000 document annotations in one request in ≤ 1 s. The measuring parts
// are exported for `npm run bench` (bench/scenarios/annotation-writes.ts).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import pg from "pg";

export const CLIENTS = 32;
const DOCS_PER_SPAN = 100;
const DOC_SPANS = 100; // 100 × 100 = 10,000 document annotations

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
export const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

export type LoopResult = { count: number; ms: number; p50: number; p95: number; p99: number; perSecond: number };

/**
 * Runs `work` in `clients` loops for `seconds` (and on until `minCount` are
 * done, for at most a minute more); the count, the wall time and latency percentiles.
 */
export async function closedLoop(work: (client: number, n: number) => Promise<unknown>, seconds: number, clients = CLIENTS, minCount = 0): Promise<LoopResult> {
  const started = performance.now();
  const until = started + seconds * 1000;
  const latencies: number[] = [];
  let done = 0;
  const more = () => {
    const now = performance.now();
    return now < until || (done < minCount && now < until + 60_000);
  };
  const counts = await Promise.all(Array.from({ length: clients }, async (_, client) => {
    let n = 0;
    while (more()) {
      const t = performance.now();
      await work(client, n++);
      latencies.push(performance.now() - t);
      done++;
    }
    return n;
  }));
  const ms = performance.now() - started;
  const count = counts.reduce((a, b) => a + b, 0);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { count, ms, p50: at(0.5), p95: at(0.95), p99: at(0.99), perSecond: rate(count, ms) };
}

export async function post(base: string, path: string, key: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Single-record span annotation writes over HTTP, `clients` at a time: each request a new (span, name, identifier) row. */
export function apiWrites(base: string, key: string, spanIds: string[], name: string, seconds: number, minCount = 0): Promise<LoopResult> {
  return closedLoop((client, n) => post(base, "/v1/span_annotations?sync=true", key, {
    data: [{ span_id: spanIds[(client * 31 + n) % spanIds.length], name, annotator_kind: "CODE", result: { score: n }, identifier: `c${client}-${n}` }],
  }), seconds, CLIENTS, minCount);
}

/**
 * Warm-up before a measurement: every client's connection open, and enough
 * writes that each server process (a cluster has several) has compiled its
 * hot path; by count, since on a busy machine a few seconds may be a few dozen writes.
 */
export const warmUp = (base: string, key: string, spanIds: string[], name: string) => apiWrites(base, key, spanIds, name, 3, 1000);

// The raw-SQL baseline: the same row written by one INSERT … ON CONFLICT per write.
const INSERT_ONE = `
  INSERT INTO annotations (project_id, target_type, target_id, document_position, span_row_id, trace_row_id, name, score,
    annotator_kind, identifier, source, user_id)
  SELECT project_id, 'SPAN', id, -1, id, trace_row_id, $2, $3, 'CODE', $4, 'API', $5::uuid FROM spans WHERE span_id = $1
  ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET score = EXCLUDED.score, updated_at = now()
  RETURNING id`;

export function sqlWrites(pool: pg.Pool, spanIds: string[], name: string, userId: string, seconds: number): Promise<LoopResult> {
  return closedLoop((client, n) => pool.query(INSERT_ONE, [spanIds[(client * 31 + n) % spanIds.length], name, n, `c${client}-${n}`, userId]), seconds);
}

// CPU of the app server on Linux (/proc): the process and all its
// descendants, so a node:cluster primary counts its workers too.
const TICK_MS = 10; // USER_HZ is 100 on Linux
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}
function descendants(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${all[i]}/task`)) {
        const children = readFileSync(`/proc/${all[i]}/task/${task}/children`, "utf8").trim();
        if (children) all.push(...children.split(" ").map(Number));
      }
    } catch {
      // gone
    }
  }
  return all;
}
/** CPU ms of the server process tree, per process (a process that starts later counts from zero). */
export function serverCpu(pid: number | null): Map<number, number> {
  return new Map(pid ? descendants(pid).map((p) => [p, cpuMsOf(p)]) : []);
}
export function serverCpuSince(before: Map<number, number>, pid: number | null): number {
  let total = 0;
  for (const [p, ms] of serverCpu(pid)) total += ms - (before.get(p) ?? 0);
  return total;
}

/** CPU ms of this database's Postgres backends (the bench's own included). */
export async function postgresCpu(pool: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
  return new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid)]));
}
export async function postgresCpuSince(pool: pg.Pool, before: Map<number, number>): Promise<number> {
  let total = 0;
  for (const [p, ms] of await postgresCpu(pool)) total += ms - (before.get(p) ?? 0);
  return total;
}

/** The process listening on a local TCP port (the app server, or a cluster's primary), if `ss` can tell. */
export async function pidListeningOn(port: number): Promise<number | null> {
  const { execFileSync } = await import("node:child_process");
  try {
    const match = /pid=(\d+)/.exec(execFileSync("ss", ["-ltnpH", `sport = :${port}`]).toString());
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const base = process.env.BENCH_URL ?? "http://127.0.0.1:6006";
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the database of the app at BENCH_URL (Postgres).");
  const { prisma } = await import("@/lib/db");
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { actorForUser } = await import("@/lib/auth/sessions");
  const { ingestSpans } = await import("@/lib/ingest/ingest-spans");
  const project = `bench-annotations-${hex(3)}`;
  const appPid = await pidListeningOn(Number(new URL(base).port || 80));
  const cores = (await import("node:os")).availableParallelism();
  const load = () => (readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "));
  console.log(`Annotation write benchmark: ${base} (server pid ${appPid}), project ${project}, load ${load()}`);

  const user = await prisma.user.findFirst({ where: { role: { in: ["ADMIN", "LEAD"] }, deactivatedAt: null }, orderBy: { createdAt: "asc" } });
  if (!user) throw new Error("The database has no admin or lead: run `npm start` once (demo seed) or create one.");
  const { secret, key } = await createApiKey(actorForUser(user), { name: `bench ${project}` });
  const traceId = hex(16);
  const start = new Date();
  const span = (name: string, kind: string, attributes: Record<string, string> = {}) => ({
    projectName: project, traceId, spanId: hex(8), name, startTime: start, endTime: new Date(start.getTime() + 10),
    attributes: { "openinference.span.kind": kind, ...attributes },
  });
  const documents = Object.fromEntries(Array.from({ length: DOCS_PER_SPAN }, (_, n) => [`retrieval.documents.${n}.document.content`, `doc ${n}`]));
  const plain = Array.from({ length: 1000 }, (_, i) => span(`step ${i}`, "CHAIN"));
  const retrievers = Array.from({ length: DOC_SPANS }, (_, i) => span(`retrieve ${i}`, "RETRIEVER", documents));
  for (let i = 0; i < plain.length; i += 500) await ingestSpans(plain.slice(i, i + 500));
  await ingestSpans(retrievers);
  const spanIds = plain.map((s) => s.spanId);
  const retrieverIds = retrievers.map((s) => s.spanId);

  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CLIENTS });
  // CPU per write says what an otherwise idle machine of this size could
  // sustain; wall-clock rates on a shared machine swing with other load.
  const cpuLine = (app: number, pgMs: number, count: number) => {
    const idle = Math.round((cores * 1000) / ((app + pgMs) / count));
    return `CPU per write: app ${(app / count).toFixed(2)} ms + Postgres ${(pgMs / count).toFixed(2)} ms → an idle ${cores}-core machine ≈ ${idle.toLocaleString("en")}/s`;
  };
  try {
    await warmUp(base, secret, spanIds, "warmup");

    let app = serverCpu(appPid);
    let pgBefore = await postgresCpu(pool);
    const api = await apiWrites(base, secret, spanIds, "bench_api", seconds);
    const apiApp = serverCpuSince(app, appPid);
    const apiPg = await postgresCpuSince(pool, pgBefore);
    pgBefore = await postgresCpu(pool);
    const sql = await sqlWrites(pool, spanIds, "bench_sql", user.id, seconds);
    const sqlPg = await postgresCpuSince(pool, pgBefore);
    console.log(`\nSingle-record span annotation writes, ${CLIENTS} concurrent clients, ${seconds} s (load ${load()}):`);
    console.log(`  REST POST /v1/span_annotations?sync=true  ${api.count.toLocaleString("en")} writes  ${api.perSecond.toLocaleString("en")}/s  p50 ${ms(api.p50)}  p99 ${ms(api.p99)}  (target ≥ 1,000/s, p99 ≤ 50 ms)`);
    console.log(`      ${cpuLine(apiApp, apiPg, api.count)}`);
    console.log(`  direct SQL INSERT … ON CONFLICT           ${sql.count.toLocaleString("en")} writes  ${sql.perSecond.toLocaleString("en")}/s  p50 ${ms(sql.p50)}  p99 ${ms(sql.p99)}`);
    console.log(`      ${cpuLine(0, sqlPg, sql.count)}`);

    // The floor set by the HTTP path: a route that only answers a constant
    // (served by Next; the lean path serves /v1/* only).
    app = serverCpu(appPid);
    // One retry: a keep-alive connection left idle through the SQL phase may
    // be closed by the server just as the client reuses it.
    const version = () => fetch(`${base}/arize_phoenix_version`).then((r) => r.text());
    const floor = await closedLoop(() => version().catch(version), 3);
    const floorApp = serverCpuSince(app, appPid);
    console.log(`  reference: GET /arize_phoenix_version (Next)  ${floor.perSecond.toLocaleString("en")}/s, app CPU ${(floorApp / floor.count).toFixed(2)} ms per request`);

    const docs = retrieverIds.flatMap((spanId) => Array.from({ length: DOCS_PER_SPAN }, (_, position) => ({
      span_id: spanId, document_position: position, name: "bench_relevance", annotator_kind: "LLM", result: { score: position / DOCS_PER_SPAN, label: "relevant" },
    })));
    app = serverCpu(appPid);
    pgBefore = await postgresCpu(pool);
    let started = performance.now();
    const answer = (await post(base, "/v1/document_annotations?sync=true", secret, { data: docs })) as { data: unknown[] };
    const apiDocMs = performance.now() - started;
    const apiDocApp = serverCpuSince(app, appPid);
    const apiDocPg = await postgresCpuSince(pool, pgBefore);
    if (answer.data.length !== docs.length) throw new Error(`expected ${docs.length} ids, got ${answer.data.length}`);

    pgBefore = await postgresCpu(pool);
    started = performance.now();
    await pool.query(`
      INSERT INTO annotations (project_id, target_type, target_id, document_position, span_row_id, trace_row_id, name, label, score,
        annotator_kind, identifier, source, user_id)
      SELECT s.project_id, 'DOCUMENT', s.id, d.position, s.id, s.trace_row_id, 'bench_relevance_sql', 'relevant', d.position / 100.0,
        'LLM', '', 'API', $2::uuid
      FROM unnest($1::text[]) AS i(span_id) JOIN spans s ON s.span_id = i.span_id CROSS JOIN generate_series(0, 99) AS d(position)
      ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET score = EXCLUDED.score`,
      [retrieverIds, user.id]);
    const sqlDocMs = performance.now() - started;
    const sqlDocPg = await postgresCpuSince(pool, pgBefore);
    console.log(`\nOne request of ${docs.length.toLocaleString("en")} document annotations:`);
    console.log(`  REST POST /v1/document_annotations?sync=true  ${apiDocMs.toFixed(0)} ms  ${rate(docs.length, apiDocMs).toLocaleString("en")}/s  (target ≤ 1,000 ms)`);
    console.log(`      CPU: app ${apiDocApp.toFixed(0)} ms, Postgres ${apiDocPg.toFixed(0)} ms`);
    console.log(`  direct SQL, one INSERT … SELECT               ${sqlDocMs.toFixed(0)} ms  ${rate(docs.length, sqlDocMs).toLocaleString("en")}/s`);
    console.log(`      CPU: Postgres ${sqlDocPg.toFixed(0)} ms`);
  } finally {
    // The bench project goes, with its spans and annotations (cascade) and their history.
    const row = await prisma.project.findUnique({ where: { name: project }, select: { id: true } });
    if (row) {
      await prisma.annotationHistory.deleteMany({ where: { projectId: row.id } });
      await prisma.project.delete({ where: { id: row.id } });
    }
    await prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await pool.end();
    await prisma.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
