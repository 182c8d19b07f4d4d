// `npm run bench:otlp`: OTLP/HTTP ingest throughput of a running app on
// Postgres — 100k OpenInference spans in protobuf requests of 512 spans — beside
// the same spans written by `ingestSpans` straight to the database (no HTTP,
// no protobuf), which is the ceiling the route can reach.
//   BENCH_URL     the app (default http://127.0.0.1:6006)
//   DATABASE_URL  the app's database (API key, the SQL baseline, clean-up)
//   BENCH_SPANS   spans per run (default 100000); BENCH_CLIENTS concurrent requests (default 4)
//   --keep        keep the benchmark's projects instead of deleting them
// Target: ≥ 5,000 spans/s over HTTP.
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { actorForUser } from "@/lib/auth/sessions";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import type { IngestSpan } from "@/lib/ingest/span-input";
import { protobufRequest, type SpanSpec } from "@/tests/fixtures/otlp-requests";
import { workloadSpans } from "./otlp-workload";
import { cpuSince, pidListeningOn, snapshot } from "./process-cpu";

const BASE = process.env.BENCH_URL ?? "http://127.0.0.1:6006";
const SPANS = Number(process.env.BENCH_SPANS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const BATCH = 512;
const TARGET = 5_000;
if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the database of the app at BENCH_URL (Postgres).");

const runId = randomBytes(3).toString("hex");
const projects = { http: `bench-otlp-${runId}`, sql: `bench-sql-${runId}` };
const batches = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** Runs `send` over every batch with CLIENTS in flight; returns wall time and per-batch latencies. */
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
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return { ms: performance.now() - started, p50: at(0.5), p95: at(0.95) };
}

const toIngest = (s: SpanSpec): IngestSpan => ({
  projectName: projects.sql, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, name: s.name,
  startTime: s.start, endTime: s.end, statusCode: (["UNSET", "OK", "ERROR"] as const)[s.status?.code ?? 0],
  attributes: s.attributes as IngestSpan["attributes"],
});

async function main() {
  const version = await fetch(`${BASE}/arize_phoenix_version`).catch(() => null);
  if (!version?.ok) throw new Error(`No app answers at ${BASE}: start it with DATABASE_URL=… npm start.`);
  const user = await prisma.user.findFirst({ where: { role: { in: ["ADMIN", "LEAD", "REVIEWER"] }, deactivatedAt: null }, orderBy: { createdAt: "asc" } });
  if (!user) throw new Error("The database has no user who may ingest: run `npm start` once (demo seed) or create one.");
  const actor = actorForUser(user);
  const { secret, key } = await createApiKey(actor, { name: `bench ${projects.http}` });

  console.log(`Encoding ${SPANS.toLocaleString("en")} spans into protobuf requests of ${BATCH}…`);
  const bodies = batches(workloadSpans(SPANS, `${runId}-http`)).map((b) => protobufRequest(b, { "openinference.project.name": projects.http }));
  const megabytes = bodies.reduce((n, b) => n + b.byteLength, 0) / 1024 / 1024;
  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/x-protobuf" };
  const appPid = new URL(BASE).hostname === "127.0.0.1" ? pidListeningOn(Number(new URL(BASE).port || 80)) : null;
  const httpStart = await snapshot(appPid);
  const http = await drive(bodies, async (body) => {
    const response = await fetch(`${BASE}/v1/traces`, { method: "POST", headers, body: new Uint8Array(body) });
    if (response.status !== 200) throw new Error(`POST /v1/traces: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  });
  const httpCpu = await cpuSince(httpStart, appPid);
  const stored = await prisma.span.count({ where: { project: { name: projects.http } } });
  if (stored !== SPANS) throw new Error(`Expected ${SPANS} spans stored over HTTP, found ${stored}.`);

  const direct = batches(workloadSpans(SPANS, `${runId}-sql`).map(toIngest));
  const sqlStart = await snapshot(null);
  const sql = await drive(direct, async (batch) => void (await ingestSpans(batch)));
  const sqlCpu = await cpuSince(sqlStart, null);

  const rate = (ms: number) => Math.round((SPANS / ms) * 1000);
  const row = (label: string, r: typeof http) =>
    `${label.padEnd(34)} ${(r.ms / 1000).toFixed(1).padStart(6)} s ${rate(r.ms).toLocaleString("en").padStart(8)} spans/s   p50 ${r.p50} ms, p95 ${r.p95} ms per ${BATCH}`;
  console.log(`\n${SPANS.toLocaleString("en")} spans, ${bodies.length} requests (${megabytes.toFixed(1)} MiB protobuf), ${CLIENTS} in flight`);
  console.log(row("OTLP/HTTP protobuf → /v1/traces", http));
  console.log(row("ingestSpans() straight to SQL", sql));
  // CPU per 1,000 spans, and the rate those costs allow on this machine's cores when nothing else runs.
  const cores = (await import("node:os")).availableParallelism();
  const cpuRow = (label: string, appMs: number, pgMs: number) =>
    `${label.padEnd(34)} ${((appMs / SPANS) * 1000).toFixed(0).padStart(6)} ms app + ${((pgMs / SPANS) * 1000).toFixed(0)} ms Postgres CPU per 1k spans → ≈ ${Math.round((SPANS / (appMs + pgMs)) * 1000 * cores).toLocaleString("en")} spans/s on ${cores} idle cores`;
  if (appPid) console.log(cpuRow("  CPU, OTLP/HTTP", httpCpu.app, httpCpu.postgres));
  console.log(cpuRow("  CPU, direct", sqlCpu.self, sqlCpu.postgres));
  console.log(`HTTP reaches ${Math.round((sql.ms / http.ms) * 100)}% of the direct rate; target ≥ ${TARGET.toLocaleString("en")} spans/s: ${rate(http.ms) >= TARGET ? "met" : "NOT met"}`);

  await revokeApiKey(actor, key.id);
  if (!process.argv.includes("--keep")) await prisma.project.deleteMany({ where: { name: { in: [projects.http, projects.sql] } } });
}

try {
  await main();
} finally {
  await prisma.$disconnect();
}
