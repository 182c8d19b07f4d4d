import type { Tx } from "./ingest-spans";

// Traces and sessions carry summaries of their spans (root span, previews,
// tokens, counts) so lists read one indexed table. Recomputed from the spans
// after each batch, so spans may arrive in any order and any number of batches.

export const PREVIEW_CHARS = 500;
// How much of the root span's input and of its output search covers.
export const SEARCH_CHARS = 100_000;

export async function refreshTraceSummaries(tx: Tx, traceRowIds: number[]) {
  if (traceRowIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE traces t SET
      start_time = a.start_time,
      end_time = a.end_time,
      latency_ms = extract(epoch FROM a.end_time - a.start_time) * 1000,
      span_count = a.span_count,
      error_count = a.error_count,
      prompt_tokens = a.prompt_tokens,
      completion_tokens = a.completion_tokens,
      total_tokens = a.total_tokens,
      status_code = CASE WHEN a.error_count > 0 THEN 'ERROR'::"StatusCode" ELSE coalesce(r.status_code, 'UNSET') END,
      root_span_id = r.span_id,
      root_span_name = r.name,
      root_span_kind = r.span_kind,
      input_preview = left(r.input_value, ${PREVIEW_CHARS}),
      output_preview = left(r.output_value, ${PREVIEW_CHARS}),
      search_vector = to_tsvector('english',
        left(coalesce(r.input_value, ''), ${SEARCH_CHARS}) || ' ' || left(coalesce(r.output_value, ''), ${SEARCH_CHARS})),
      -- The same text as is, for exact substring search (lib/traces/trace-text-search.ts).
      search_text = left(coalesce(r.input_value, ''), ${SEARCH_CHARS}) || E'\n' || left(coalesce(r.output_value, ''), ${SEARCH_CHARS})
    FROM (
      -- Token sums are capped at the int column's maximum (each span's count fits; a sum may not).
      SELECT trace_row_id,
        min(start_time) AS start_time, max(end_time) AS end_time, count(*)::int AS span_count,
        count(*) FILTER (WHERE status_code = 'ERROR')::int AS error_count,
        least(coalesce(sum(prompt_tokens) FILTER (WHERE span_kind = 'LLM'), 0), 2147483647)::int AS prompt_tokens,
        least(coalesce(sum(completion_tokens) FILTER (WHERE span_kind = 'LLM'), 0), 2147483647)::int AS completion_tokens,
        least(coalesce(sum(total_tokens) FILTER (WHERE span_kind = 'LLM'), 0), 2147483647)::int AS total_tokens
      FROM spans WHERE trace_row_id = ANY(${traceRowIds}::int[])
      GROUP BY trace_row_id
    ) a
    LEFT JOIN LATERAL (
      -- The root: a span without parent, else the earliest span whose parent never arrived.
      SELECT s.span_id, s.name, s.span_kind, s.status_code, s.input_value, s.output_value
      FROM spans s
      WHERE s.trace_row_id = a.trace_row_id
        AND (s.parent_span_id IS NULL
          OR NOT EXISTS (SELECT 1 FROM spans p WHERE p.span_id = s.parent_span_id))
      ORDER BY (s.parent_span_id IS NULL) DESC, s.start_time
      LIMIT 1
    ) r ON true
    WHERE t.id = a.trace_row_id`;
}

export async function refreshSessionSummaries(tx: Tx, sessionRowIds: number[]) {
  if (sessionRowIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE sessions s SET
      trace_count = a.trace_count,
      start_time = a.start_time,
      end_time = a.end_time,
      first_input = f.input_preview,
      last_output = l.output_preview
    FROM (
      SELECT session_row_id, count(*)::int AS trace_count, min(start_time) AS start_time, max(end_time) AS end_time
      FROM traces WHERE session_row_id = ANY(${sessionRowIds}::int[])
      GROUP BY session_row_id
    ) a
    CROSS JOIN LATERAL (
      SELECT input_preview FROM traces WHERE session_row_id = a.session_row_id ORDER BY start_time LIMIT 1
    ) f
    CROSS JOIN LATERAL (
      SELECT output_preview FROM traces WHERE session_row_id = a.session_row_id ORDER BY start_time DESC LIMIT 1
    ) l
    WHERE s.id = a.session_row_id`;
}
