import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { findStoredConflicts, reject, splitConflicts, type RejectedSpan } from "./span-conflicts";
import { spanColumns } from "./span-columns";
import { ingestSpanSchema, type IngestSpan, type ParsedSpan } from "./span-input";
import { refreshSessionSummaries, refreshTraceSummaries } from "./refresh-summaries";
import { upsertProjects, upsertSessions, upsertTraces } from "./upsert-parents";

export type IngestResult = { spans: number; traces: number; sessions: number };
export type IngestOutcome = IngestResult & { rejected: RejectedSpan[] };

export type PreparedSpan = ParsedSpan & ReturnType<typeof spanColumns>;

function prepare(spans: IngestSpan[]): PreparedSpan[] {
  const parsed = z.array(ingestSpanSchema).safeParse(spans);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".");
    throw new ValidationError(`Invalid span at ${field}: ${issue.message}`, { [field]: [issue.message] });
  }
  return parsed.data.map((span) => ({ ...span, ...spanColumns(span) }));
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
 * rest of the batch lands. The OTLP route only decodes into this.
 */
export async function ingestSpans(spans: IngestSpan[], db: Db = prisma): Promise<IngestOutcome> {
  const prepared = prepare(spans);
  if (prepared.length === 0) return { spans: 0, traces: 0, sessions: 0, rejected: [] };
  return db.$transaction(
    async (tx) => {
      // jit off for this transaction: these statements touch a few hundred rows
      // each, yet the planner's estimates for `= ANY(array)` can cross
      // jit_above_cost, and compiling them with LLVM then costs seconds per batch.
      // Commits stay synchronous: an acknowledged export is never lost.
      await tx.$queryRaw`SELECT set_config('jit', 'off', true)`;
      const { kept, rejected } = splitConflicts(prepared, await findStoredConflicts(tx, prepared));
      let accepted = lastCopies(kept);
      if (accepted.length === 0) return { spans: 0, traces: 0, sessions: 0, rejected };
      const projectIds = await upsertProjects(tx, accepted);
      const sessionRowIds = await upsertSessions(tx, accepted, projectIds);
      const traceRowIds = await upsertTraces(tx, accepted, projectIds, sessionRowIds);
      // A trace another batch put in another project since the check above.
      const raced = accepted.filter((span) => !traceRowIds.has(span.traceId));
      rejected.push(...raced.map((span) => reject(span, `trace ${span.traceId} already exists in another project`)));
      accepted = accepted.filter((span) => traceRowIds.has(span.traceId));
      const lost = await insertSpans(tx, accepted, projectIds, traceRowIds);
      rejected.push(...lost);
      await refreshTraceSummaries(tx, [...traceRowIds.values()]);
      await refreshSessionSummaries(tx, [...sessionRowIds.values()]);
      return { spans: accepted.length - lost.length, traces: traceRowIds.size, sessions: sessionRowIds.size, rejected };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type { Tx };

async function insertSpans(
  tx: Tx,
  spans: PreparedSpan[],
  projectIds: Map<string, number>,
  traceRowIds: Map<string, number>,
): Promise<RejectedSpan[]> {
  const column = <T>(pick: (span: PreparedSpan) => T) => spans.map(pick);
  const written = await tx.$executeRaw`
    INSERT INTO spans (span_id, trace_row_id, project_id, parent_span_id, name, span_kind, status_code,
      status_message, start_time, end_time, attributes, events, input_value, input_mime_type, output_value,
      output_mime_type, prompt_tokens, completion_tokens, total_tokens, document_count)
    SELECT * FROM unnest(
      ${column((s) => s.spanId)}::text[],
      ${column((s) => traceRowIds.get(s.traceId)!)}::int[],
      ${column((s) => projectIds.get(s.projectName)!)}::int[],
      ${column((s) => s.parentSpanId ?? null)}::text[],
      ${column((s) => s.name)}::text[],
      ${column((s) => s.spanKind)}::text[]::"SpanKind"[],
      ${column((s) => s.statusCode)}::text[]::"StatusCode"[],
      ${column((s) => s.statusMessage)}::text[],
      ${column((s) => s.startTime)}::timestamptz[],
      ${column((s) => s.endTime)}::timestamptz[],
      ${column((s) => JSON.stringify(s.attributes))}::jsonb[],
      ${column((s) => JSON.stringify(s.events))}::jsonb[],
      ${column((s) => s.inputValue)}::text[],
      ${column((s) => s.inputMimeType)}::text[],
      ${column((s) => s.outputValue)}::text[],
      ${column((s) => s.outputMimeType)}::text[],
      ${column((s) => s.promptTokens)}::int[],
      ${column((s) => s.completionTokens)}::int[],
      ${column((s) => s.totalTokens)}::int[],
      ${column((s) => s.documentCount)}::int[]
    )
    ON CONFLICT (span_id) DO UPDATE SET
      trace_row_id = EXCLUDED.trace_row_id, project_id = EXCLUDED.project_id,
      parent_span_id = EXCLUDED.parent_span_id, name = EXCLUDED.name, span_kind = EXCLUDED.span_kind,
      status_code = EXCLUDED.status_code, status_message = EXCLUDED.status_message,
      start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time, attributes = EXCLUDED.attributes,
      events = EXCLUDED.events, input_value = EXCLUDED.input_value, input_mime_type = EXCLUDED.input_mime_type,
      output_value = EXCLUDED.output_value, output_mime_type = EXCLUDED.output_mime_type,
      prompt_tokens = EXCLUDED.prompt_tokens, completion_tokens = EXCLUDED.completion_tokens,
      total_tokens = EXCLUDED.total_tokens, document_count = EXCLUDED.document_count
    -- Never moves a stored span to another trace (or, with it, project), even
    -- when another batch stored it after this one's conflict check.
    WHERE spans.trace_row_id = EXCLUDED.trace_row_id AND spans.project_id = EXCLUDED.project_id`;
  if (written === spans.length) return [];
  // Only after such a race: which spans the guard left alone.
  const kept = await tx.$queryRaw<{ span_id: string }[]>`
    SELECT span_id FROM unnest(${column((s) => s.spanId)}::text[], ${column((s) => traceRowIds.get(s.traceId)!)}::int[]) AS i(span_id, trace_row_id)
    WHERE EXISTS (SELECT 1 FROM spans s WHERE s.span_id = i.span_id AND s.trace_row_id <> i.trace_row_id)`;
  const lost = new Set(kept.map((row) => row.span_id));
  return spans.filter((span) => lost.has(span.spanId)).map((span) => reject(span, "it already exists in another trace"));
}
