// Where the time of one 512-span OTLP batch goes, stage by stage (decode,
// flatten, validate, each SQL statement), on a direct Postgres connection.
//   DATABASE_URL  a migrated Postgres database;  BENCH_SPANS (default 20480)
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { decodeProtobufRequest } from "@/lib/otlp/decode-protobuf";
import { toIngestSpans } from "@/lib/otlp/to-ingest-spans";
import { prepare } from "@/lib/ingest/ingest-spans";
import { findStoredConflicts, splitConflicts } from "@/lib/ingest/span-conflicts";
import { upsertProjects, writeBatch } from "@/lib/ingest/upsert-parents";
import { refreshSessionSummaries, refreshTraceSummaries } from "@/lib/ingest/refresh-summaries";
import { protobufRequest } from "@/tests/fixtures/otlp-requests";
import { workloadSpans } from "./otlp-workload";
import { cpuMsOf } from "./process-cpu";

const SPANS = Number(process.env.BENCH_SPANS ?? 20_480);
const runId = randomBytes(3).toString("hex");
const project = `bench-prof-${runId}`;
const all = workloadSpans(SPANS, runId);
const bodies: Uint8Array[] = [];
for (let i = 0; i < all.length; i += 512) bodies.push(protobufRequest(all.slice(i, i + 512), { "openinference.project.name": project }));

// Wall time, this process's CPU and the transaction's Postgres backend's CPU per stage.
const totals = new Map<string, { wall: number; node: number; pg: number }>();
let backend: number | null = null;
const nodeCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const pgCpu = () => (backend ? cpuMsOf(backend) : 0);
async function time<T>(stage: string, f: () => Promise<T> | T): Promise<T> {
  const t = performance.now(), n = nodeCpu(), p = pgCpu();
  const r = await f();
  const sum = totals.get(stage) ?? { wall: 0, node: 0, pg: 0 };
  totals.set(stage, { wall: sum.wall + performance.now() - t, node: sum.node + nodeCpu() - n, pg: sum.pg + pgCpu() - p });
  return r;
}
const started = performance.now();
for (const body of bodies) {
  const request = await time("decode protobuf", () => decodeProtobufRequest(body));
  const spans = await time("toIngestSpans", () => toIngestSpans(request, null));
  const prepared = await time("prepare (zod)", () => prepare(spans));
  await time("transaction", () =>
    prisma.$transaction(async (tx) => {
      backend = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid;
      const stored = await time("sql: findStoredConflicts", () => findStoredConflicts(tx, prepared));
      const { kept } = splitConflicts(prepared, stored);
      const projectIds = await time("sql: upsertProjects", () => upsertProjects(tx, kept));
      const { storedTraceRowIds, sessionRowIds } = await time("sql: writeBatch", () => writeBatch(tx, kept, projectIds));
      await time("sql: refreshTraceSummaries", () => refreshTraceSummaries(tx, storedTraceRowIds));
      await time("sql: refreshSessionSummaries", () => refreshSessionSummaries(tx, [...sessionRowIds.values()]));
    }, { timeout: 120_000, maxWait: 30_000 }),
  );
}
const wall = performance.now() - started;
console.log(`${SPANS} spans in ${bodies.length} batches: ${Math.round((SPANS / wall) * 1000)} spans/s (one client, no HTTP)`);
const per = (ms: number) => (ms / bodies.length).toFixed(1).padStart(7);
console.log(`${"per batch of 512".padEnd(32)}    wall ms  node CPU    pg CPU`);
for (const [stage, t] of totals) console.log(`${stage.padEnd(32)} ${per(t.wall)} ${per(t.node)} ${per(t.pg)}`);
await prisma.project.deleteMany({ where: { name: project } });
await prisma.$disconnect();
