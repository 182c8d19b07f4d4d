// `npm run bench:annotations`: annotation write throughput of a running app on
// Postgres, each figure beside the same inserts done directly in SQL.
//   BENCH_URL     the app (default http://127.0.0.1:6006)
//   DATABASE_URL  the app's database (set-up, the SQL baseline, clean-up)
// Targets: ≥ 1,000 single-record writes/s with 32 clients; 10,000 document
// annotations in one request in ≤ 1 s.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/auth/api-keys";
import { actorForUser } from "@/lib/auth/sessions";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import type { IngestSpan } from "@/lib/ingest/span-input";
import { cpuSince, pidListeningOn, snapshot } from "./process-cpu";

const BASE = process.env.BENCH_URL ?? "http://127.0.0.1:6006";
const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DOCS_PER_SPAN = 100;
const DOC_SPANS = 100; // 100 × 100 = 10,000 document annotations
if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the database of the app at BENCH_URL (Postgres).");

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const project = `bench-annotations-${hex(3)}`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString("en")}/s`;
const appPid = pidListeningOn(Number(new URL(BASE).port || 80));
const cores = (await import("node:os")).availableParallelism();

// On a shared machine wall-clock rates swing with other load; CPU per write
// does not, and says what an otherwise idle machine of this size could sustain.
function cpuLine(cpu: { app: number; postgres: number }, count: number): string {
  const app = cpu.app / count;
  const pg = cpu.postgres / count;
  const idle = Math.round((cores * 1000) / (app + pg));
  return `CPU per write: app ${app.toFixed(2)} ms + Postgres ${pg.toFixed(2)} ms → an idle ${cores}-core machine ≈ ${idle.toLocaleString("en")}/s`;
}

async function setUp() {
  const user = await prisma.user.findFirst({ where: { role: { in: ["ADMIN", "LEAD"] }, deactivatedAt: null }, orderBy: { createdAt: "asc" } });
  if (!user) throw new Error("The database has no admin or lead: run `npm start` once (demo seed) or create one.");
  const { secret, key } = await createApiKey(actorForUser(user), { name: `bench ${project}` });
  const traceId = hex(16);
  const start = new Date();
  const span = (name: string, kind: string, attributes: Record<string, string> = {}): IngestSpan => ({
    projectName: project, traceId, spanId: hex(8), name, startTime: start, endTime: new Date(start.getTime() + 10),
    attributes: { "openinference.span.kind": kind, ...attributes },
  });
  const documents = Object.fromEntries(Array.from({ length: DOCS_PER_SPAN }, (_, n) => [`retrieval.documents.${n}.document.content`, `doc ${n}`]));
  const plain = Array.from({ length: 1000 }, (_, i) => span(`step ${i}`, "CHAIN"));
  const retrievers = Array.from({ length: DOC_SPANS }, (_, i) => span(`retrieve ${i}`, "RETRIEVER", documents));
  for (let i = 0; i < plain.length; i += 500) await ingestSpans(plain.slice(i, i + 500));
  await ingestSpans(retrievers);
  return { secret, keyId: key.id, userId: user.id, spanIds: plain.map((s) => s.spanId), retrieverIds: retrievers.map((s) => s.spanId) };
}

async function post(path: string, key: string, body: unknown) {
  const response = await fetch(`${BASE}${path}`, {
    method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Runs `work` in `CLIENTS` loops for `seconds`; returns how many finished and the wall time. */
async function closedLoop(work: (client: number, n: number) => Promise<unknown>, seconds = SECONDS) {
  const started = performance.now();
  const until = started + seconds * 1000;
  const counts = await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
    let n = 0;
    while (performance.now() < until) await work(client, n++);
    return n;
  }));
  return { count: counts.reduce((a, b) => a + b, 0), ms: performance.now() - started };
}

const INSERT_ONE = `
  INSERT INTO annotations (project_id, target_type, target_id, document_position, span_row_id, trace_row_id, name, score,
    annotator_kind, identifier, source, user_id)
  SELECT project_id, $5::"AnnotationTarget", id, $2, id, trace_row_id, $3, $4, 'CODE', $6, 'API', $7::uuid FROM spans WHERE span_id = $1
  ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET score = EXCLUDED.score, updated_at = now()
  RETURNING id`;

async function main() {
  console.log(`Annotation write benchmark: ${BASE}, project ${project}`);
  const world = await setUp();
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CLIENTS });
  try {
    // Warm-up: compiles the route and opens the app's connections.
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) =>
      post("/v1/span_annotations?sync=true", world.secret, { data: [{ span_id: world.spanIds[i], name: "warmup", annotator_kind: "CODE", result: { score: 1 } }] })));

    let before = await snapshot(appPid);
    const api = await closedLoop((client, n) => post("/v1/span_annotations?sync=true", world.secret, {
      data: [{ span_id: world.spanIds[(client * 31 + n) % world.spanIds.length], name: "bench_api", annotator_kind: "CODE",
        result: { score: n }, identifier: `c${client}-${n}` }],
    }));
    const apiCpu = await cpuSince(before, appPid);
    before = await snapshot(appPid);
    const sql = await closedLoop((client, n) => pool.query(INSERT_ONE, [
      world.spanIds[(client * 31 + n) % world.spanIds.length], -1, "bench_sql", n, "SPAN", `c${client}-${n}`, world.userId,
    ]));
    const sqlCpu = await cpuSince(before, appPid);
    console.log(`\nSingle-record span annotation writes, ${CLIENTS} concurrent clients, ${SECONDS} s:`);
    console.log(`  REST POST /v1/span_annotations?sync=true  ${api.count.toLocaleString("en")} writes  ${rate(api.count, api.ms)}  (target ≥ 1,000/s)`);
    console.log(`      ${cpuLine(apiCpu, api.count)}`);
    console.log(`  direct SQL INSERT … ON CONFLICT           ${sql.count.toLocaleString("en")} writes  ${rate(sql.count, sql.ms)}`);
    console.log(`      ${cpuLine({ app: 0, postgres: sqlCpu.postgres }, sql.count)}`);

    // The floor set by the framework: a route that only answers a constant.
    before = await snapshot(appPid);
    const floor = await closedLoop(async () => (await fetch(`${BASE}/arize_phoenix_version`)).text(), 3);
    const floorCpu = await cpuSince(before, appPid);
    console.log(`  reference: GET /arize_phoenix_version      ${floor.count.toLocaleString("en")} requests  ${rate(floor.count, floor.ms)}`);
    console.log(`      ${cpuLine(floorCpu, floor.count).replace("per write", "per request")}`);

    const documents = world.retrieverIds.flatMap((spanId) => Array.from({ length: DOCS_PER_SPAN }, (_, position) => ({
      span_id: spanId, document_position: position, name: "bench_relevance", annotator_kind: "LLM", result: { score: position / DOCS_PER_SPAN, label: "relevant" },
    })));
    before = await snapshot(appPid);
    let started = performance.now();
    const answer = (await post("/v1/document_annotations?sync=true", world.secret, { data: documents })) as { data: unknown[] };
    const apiDocMs = performance.now() - started;
    const apiDocCpu = await cpuSince(before, appPid);
    if (answer.data.length !== documents.length) throw new Error(`expected ${documents.length} ids, got ${answer.data.length}`);

    before = await snapshot(appPid);
    started = performance.now();
    await pool.query(`
      INSERT INTO annotations (project_id, target_type, target_id, document_position, span_row_id, trace_row_id, name, label, score,
        annotator_kind, identifier, source, user_id)
      SELECT s.project_id, 'DOCUMENT', s.id, d.position, s.id, s.trace_row_id, 'bench_relevance_sql', 'relevant', d.position / 100.0,
        'LLM', '', 'API', $2::uuid
      FROM unnest($1::text[]) AS i(span_id) JOIN spans s ON s.span_id = i.span_id CROSS JOIN generate_series(0, 99) AS d(position)
      ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET score = EXCLUDED.score`,
      [world.retrieverIds, world.userId]);
    const sqlDocMs = performance.now() - started;
    const sqlDocCpu = await cpuSince(before, appPid);
    console.log(`\nOne request of ${documents.length.toLocaleString("en")} document annotations:`);
    console.log(`  REST POST /v1/document_annotations?sync=true  ${apiDocMs.toFixed(0)} ms  ${rate(documents.length, apiDocMs)}  (target ≤ 1,000 ms)`);
    console.log(`      CPU: app ${apiDocCpu.app.toFixed(0)} ms, Postgres ${apiDocCpu.postgres.toFixed(0)} ms`);
    console.log(`  direct SQL, one INSERT … SELECT               ${sqlDocMs.toFixed(0)} ms  ${rate(documents.length, sqlDocMs)}`);
    console.log(`      CPU: Postgres ${sqlDocCpu.postgres.toFixed(0)} ms`);
  } finally {
    // The bench project goes, with its spans and annotations (cascade) and their history.
    const row = await prisma.project.findUnique({ where: { name: project }, select: { id: true } });
    if (row) {
      await prisma.annotationHistory.deleteMany({ where: { projectId: row.id } });
      await prisma.project.delete({ where: { id: row.id } });
    }
    await prisma.apiKey.update({ where: { id: world.keyId }, data: { revokedAt: new Date() } });
    await pool.end();
    await prisma.$disconnect();
  }
}

await main();
