import { prisma, type Db } from "@/lib/db";
import { parseSpans } from "./parse-spans";
import { findStoredConflicts, reject, splitConflicts, type RejectedSpan } from "./span-conflicts";
import { spanColumns } from "./span-columns";
import type { IngestSpan, ParsedSpan } from "./span-input";
import { refreshSessionSummaries, refreshTraceSummaries } from "./refresh-summaries";
import { upsertProjects, writeBatch } from "./upsert-parents";

export type IngestResult = { spans: number; traces: number; sessions: number };
export type IngestOutcome = IngestResult & { rejected: RejectedSpan[] };

export type PreparedSpan = ParsedSpan & ReturnType<typeof spanColumns>;

export function prepare(spans: IngestSpan[]): PreparedSpan[] {
  return parseSpans(spans).map((span) => ({ ...span, ...spanColumns(span) }));
}

// The last copy of a span id in a batch wins, as a later export would.
function lastCopies(spans: PreparedSpan[]): PreparedSpan[] {
  const bySpanId = new Map<string, PreparedSpan>();
  for (const span of spans) bySpanId.set(span.spanId, span);
  return sorted([...bySpanId.values()]);
}

// Sorted so concurrent batches lock rows in the same order (no deadlocks).
const sorted = (spans: PreparedSpan[]) => spans.sort((a, b) => (a.spanId < b.spanId ? -1 : 1));

/**
 * Upserts OpenTelemetry spans (OpenInference attributes) with their projects,
 * traces and sessions, in one transaction per batch. Idempotent: the same span
 * sent twice is one row. A span that would move a stored span or trace to
 * another trace or project is rejected and left out (span-conflicts.ts); the
 * rest of the batch lands. The OTLP route only decodes into this; bulk loaders
 * (the benchmark's seed) call it with batches of a few hundred spans.
 *
 * Five statements per batch, none per span: the conflict check, the projects,
 * one upsert of sessions, traces and spans together (upsert-parents.ts), then
 * the trace and session summaries, refreshed once for the whole batch.
 */
export async function ingestSpans(spans: IngestSpan[], db: Db = prisma): Promise<IngestOutcome> {
  const prepared = prepare(spans);
  if (prepared.length === 0) return { spans: 0, traces: 0, sessions: 0, rejected: [] };
  return db.$transaction(
    async (tx) => {
      // The conflict check also turns jit off for this transaction: these
      // statements touch a few hundred rows each, yet the planner's estimates for
      // `= ANY(array)` can cross jit_above_cost, and compiling them with LLVM then
      // costs seconds per batch. Commits stay synchronous: an acknowledged export is never lost.
      const { kept, rejected } = splitConflicts(prepared, await findStoredConflicts(tx, prepared));
      const accepted = lastCopies(kept);
      if (accepted.length === 0) return { spans: 0, traces: 0, sessions: 0, rejected };
      const projectIds = await upsertProjects(tx, accepted);
      const { sessionRowIds, traceRowIds, storedTraceRowIds, written } = await writeBatch(tx, accepted, projectIds);
      // A trace another batch put in another project since the check above: its spans were not written.
      const raced = accepted.filter((span) => !traceRowIds.has(span.traceId));
      rejected.push(...raced.map((span) => reject(span, `trace ${span.traceId} already exists in another project`)));
      const landed = accepted.filter((span) => traceRowIds.has(span.traceId));
      const lost = written === landed.length ? [] : await heldBack(tx, landed, traceRowIds);
      rejected.push(...lost);
      // Traces created by this batch got their summaries as they were written;
      // after a span was held back, every trace's is recomputed from what landed.
      await refreshTraceSummaries(tx, written === landed.length ? storedTraceRowIds : [...traceRowIds.values()]);
      await refreshSessionSummaries(tx, [...sessionRowIds.values()]);
      return { spans: landed.length - lost.length, traces: traceRowIds.size, sessions: sessionRowIds.size, rejected };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type { Tx };

// Only after a race (another batch stored one of these span ids under another
// trace after this batch's conflict check): which spans the write's guard left alone.
async function heldBack(tx: Tx, spans: PreparedSpan[], traceRowIds: Map<string, number>): Promise<RejectedSpan[]> {
  const kept = await tx.$queryRaw<{ span_id: string }[]>`
    SELECT span_id FROM unnest(${spans.map((s) => s.spanId)}::text[], ${spans.map((s) => traceRowIds.get(s.traceId)!)}::int[]) AS i(span_id, trace_row_id)
    WHERE EXISTS (SELECT 1 FROM spans s WHERE s.span_id = i.span_id AND s.trace_row_id <> i.trace_row_id)`;
  const lost = new Set(kept.map((row) => row.span_id));
  return spans.filter((span) => lost.has(span.spanId)).map((span) => reject(span, "it already exists in another trace"));
}
