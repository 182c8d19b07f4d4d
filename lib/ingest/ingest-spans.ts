import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { spanColumns } from "./span-columns";
import { ingestSpanSchema, type IngestSpan, type ParsedSpan } from "./span-input";
import { refreshSessionSummaries, refreshTraceSummaries } from "./refresh-summaries";
import { upsertProjects, upsertSessions, upsertTraces } from "./upsert-parents";

export type IngestResult = { spans: number; traces: number; sessions: number };

export type PreparedSpan = ParsedSpan & ReturnType<typeof spanColumns>;

function prepare(spans: IngestSpan[]): PreparedSpan[] {
  const parsed = z.array(ingestSpanSchema).safeParse(spans);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".");
    throw new ValidationError(`Invalid span at ${field}: ${issue.message}`, { [field]: [issue.message] });
  }
  // The last copy of a span id in a batch wins, as a later export would.
  const bySpanId = new Map<string, PreparedSpan>();
  for (const span of parsed.data) bySpanId.set(span.spanId, { ...span, ...spanColumns(span) });
  // Sorted so concurrent batches lock rows in the same order (no deadlocks).
  return [...bySpanId.values()].sort((a, b) => (a.spanId < b.spanId ? -1 : 1));
}

/**
 * Upserts OpenTelemetry spans (OpenInference attributes) with their projects,
 * traces and sessions, in one transaction per batch. Idempotent: the same span
 * sent twice is one row. The OTLP route only decodes into this.
 */
export async function ingestSpans(spans: IngestSpan[], db: Db = prisma): Promise<IngestResult> {
  const prepared = prepare(spans);
  if (prepared.length === 0) return { spans: 0, traces: 0, sessions: 0 };
  return db.$transaction(
    async (tx) => {
      // jit off for this transaction: these statements touch a few hundred rows
      // each, yet the planner's estimates for `= ANY(array)` can cross
      // jit_above_cost, and compiling them with LLVM then costs seconds per batch.
      // Commits stay synchronous: an acknowledged export is never lost.
      await tx.$queryRaw`SELECT set_config('jit', 'off', true)`;
      const projectIds = await upsertProjects(tx, prepared);
      const sessionRowIds = await upsertSessions(tx, prepared, projectIds);
      const traceRowIds = await upsertTraces(tx, prepared, projectIds, sessionRowIds);
      await insertSpans(tx, prepared, projectIds, traceRowIds);
      await refreshTraceSummaries(tx, [...traceRowIds.values()]);
      await refreshSessionSummaries(tx, [...sessionRowIds.values()]);
      return { spans: prepared.length, traces: traceRowIds.size, sessions: sessionRowIds.size };
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
) {
  const column = <T>(pick: (span: PreparedSpan) => T) => spans.map(pick);
  await tx.$executeRaw`
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
      total_tokens = EXCLUDED.total_tokens, document_count = EXCLUDED.document_count`;
}
