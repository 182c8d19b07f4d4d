import type { PreparedSpan, Tx } from "./ingest-spans";
import { PREVIEW_CHARS, SEARCH_CHARS } from "./refresh-summaries";

// Projects, sessions, traces and spans of a batch, written in two statements:
// the projects (looked up, created only when new), then one statement that
// upserts the sessions, the traces and the spans together.
//
// Sessions and traces travel as one small JSON document each (json_to_recordset);
// spans as one array per column (unnest): Postgres reads 512 spans' jsonb
// attributes ~5x faster from a jsonb[] than from a JSON document's fields.

export async function upsertProjects(tx: Tx, spans: PreparedSpan[]): Promise<Map<string, number>> {
  const names = [...new Set(spans.map((s) => s.projectName))].sort();
  // Nearly always the projects exist: one lookup. A separate statement after the
  // insert (not a CTE) sees projects another batch created meanwhile.
  const known = async () => {
    const rows = await tx.$queryRaw<{ id: number; name: string }[]>`
      SELECT id, name FROM projects WHERE name = ANY(${names}::text[])`;
    return new Map(rows.map((r) => [r.name, r.id]));
  };
  const found = await known();
  if (found.size === names.length) return found;
  await tx.$executeRaw`
    INSERT INTO projects (name, updated_at) SELECT unnest(${names.filter((n) => !found.has(n))}::text[]), now()
    ON CONFLICT (name) DO NOTHING`;
  return known();
}

type TimeRange = { start: Date; end: Date };

function widen(range: TimeRange | undefined, span: PreparedSpan): TimeRange {
  if (!range) return { start: span.startTime, end: span.endTime };
  return {
    start: span.startTime < range.start ? span.startTime : range.start,
    end: span.endTime > range.end ? span.endTime : range.end,
  };
}

// Sessions by project and session id: a trace links only to a session of its own project.
const sessionKey = (projectId: number, sessionId: string) => `${projectId}:${sessionId}`;

function sessionRows(spans: PreparedSpan[], projectIds: Map<string, number>) {
  const sessions = new Map<string, { projectId: number; userId: string | null; range: TimeRange }>();
  for (const span of spans) {
    if (!span.sessionId) continue;
    const seen = sessions.get(span.sessionId);
    sessions.set(span.sessionId, {
      projectId: seen?.projectId ?? projectIds.get(span.projectName)!,
      userId: seen?.userId ?? span.userId,
      range: widen(seen?.range, span),
    });
  }
  // Sorted so concurrent batches lock rows in the same order (no deadlocks).
  return [...sessions.keys()].sort().map((id) => {
    const s = sessions.get(id)!;
    return { session_id: id, project_id: s.projectId, user_id: s.userId, start_time: s.range.start, end_time: s.range.end };
  });
}

// A trace links to the first of its spans' session ids (in batch order) that
// was written, i.e. that is not another project's session.
function traceRows(spans: PreparedSpan[], projectIds: Map<string, number>) {
  const traces = new Map<string, { projectId: number; sessionIds: string[] }>();
  for (const span of spans) {
    const seen = traces.get(span.traceId);
    const sessionIds = seen?.sessionIds ?? [];
    if (span.sessionId && !sessionIds.includes(span.sessionId)) sessionIds.push(span.sessionId);
    traces.set(span.traceId, { projectId: seen?.projectId ?? projectIds.get(span.projectName)!, sessionIds });
  }
  return [...traces.keys()].sort().map((id) => {
    const t = traces.get(id)!;
    return { trace_id: id, project_id: t.projectId, session_ids: t.sessionIds };
  });
}

export type WrittenBatch = {
  /** Row ids of the sessions written, by project and session id (see sessionKey). */
  sessionRowIds: Map<string, number>;
  /** Row ids of the traces written; a trace stored in another project is missing. */
  traceRowIds: Map<string, number>;
  /**
   * Traces that existed before this batch: their summaries must be refreshed
   * from all their spans (refreshTraceSummaries). Those created here already
   * carry their summary: only this batch can hold their spans, as another
   * batch sending the same trace id waits on this one's insert and then finds it stored.
   */
  storedTraceRowIds: number[];
  /** Spans inserted or updated (less than asked only when the span guard below held one back). */
  written: number;
};

/**
 * Upserts the sessions, traces and spans of `spans` (one copy per span id,
 * sorted by span id) in one statement. The rules are those of the separate
 * statements this replaces: a session or trace of another project is left
 * alone (and a trace there takes none of this batch's spans); a stored span
 * never moves to another trace or project.
 */
export async function writeBatch(tx: Tx, spans: PreparedSpan[], projectIds: Map<string, number>): Promise<WrittenBatch> {
  const column = <T>(pick: (span: PreparedSpan) => T) => spans.map(pick);
  const rows = await tx.$queryRaw<{ kind: "session" | "trace" | "stored trace" | "written"; key: string | null; project_id: number | null; id: number }[]>`
    WITH x AS MATERIALIZED (
      SELECT * FROM unnest(
        ${column((s) => s.spanId)}::text[],
        ${column((s) => s.traceId)}::text[],
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
      ) AS x(span_id, trace_id, project_id, parent_span_id, name, span_kind, status_code, status_message, start_time,
        end_time, attributes, events, input_value, input_mime_type, output_value, output_mime_type, prompt_tokens,
        completion_tokens, total_tokens, document_count)
    ), s AS (
      INSERT INTO sessions (session_id, project_id, user_id, start_time, end_time)
      SELECT session_id, project_id, user_id, start_time, end_time
      FROM json_to_recordset(${JSON.stringify(sessionRows(spans, projectIds))}::json)
        AS x(session_id text, project_id int, user_id text, start_time timestamptz, end_time timestamptz)
      ORDER BY session_id
      ON CONFLICT (session_id) DO UPDATE SET
        start_time = least(sessions.start_time, EXCLUDED.start_time),
        end_time = greatest(sessions.end_time, EXCLUDED.end_time),
        user_id = coalesce(sessions.user_id, EXCLUDED.user_id)
      -- A session id already used in another project stays there, untouched; this
      -- batch's traces are not linked to it (a trace never joins another project's session).
      WHERE sessions.project_id = EXCLUDED.project_id
      RETURNING id, session_id, project_id
    ), agg AS (
      -- The summary of a trace this batch creates, from the batch's spans: the
      -- same rules as refreshTraceSummaries (refresh-summaries.ts), which covers
      -- every trace that already had spans.
      SELECT trace_id,
        min(start_time) AS start_time, max(end_time) AS end_time, count(*)::int AS span_count,
        count(*) FILTER (WHERE status_code = 'ERROR')::int AS error_count,
        least(coalesce(sum(prompt_tokens) FILTER (WHERE span_kind = 'LLM'), 0), 2147483647)::int AS prompt_tokens,
        least(coalesce(sum(completion_tokens) FILTER (WHERE span_kind = 'LLM'), 0), 2147483647)::int AS completion_tokens,
        least(coalesce(sum(total_tokens) FILTER (WHERE span_kind = 'LLM'), 0), 2147483647)::int AS total_tokens
      FROM x GROUP BY trace_id
    ), root AS (
      -- The root: a span without parent, else the earliest span whose parent never arrived.
      SELECT DISTINCT ON (x.trace_id) x.trace_id, x.span_id, x.name, x.span_kind, x.status_code, x.input_value, x.output_value
      FROM x
      WHERE x.parent_span_id IS NULL
        OR (NOT EXISTS (SELECT 1 FROM x p WHERE p.span_id = x.parent_span_id)
          AND NOT EXISTS (SELECT 1 FROM spans p WHERE p.span_id = x.parent_span_id))
      ORDER BY x.trace_id, (x.parent_span_id IS NULL) DESC, x.start_time
    ), t AS (
      INSERT INTO traces (trace_id, project_id, session_row_id, start_time, end_time, latency_ms, span_count, error_count,
        prompt_tokens, completion_tokens, total_tokens, status_code, root_span_id, root_span_name, root_span_kind,
        input_preview, output_preview, search_vector, search_text)
      SELECT tr.trace_id, tr.project_id,
        (SELECT s.id FROM unnest(tr.session_ids) WITH ORDINALITY AS c(session_id, n)
          JOIN s ON s.session_id = c.session_id AND s.project_id = tr.project_id ORDER BY c.n LIMIT 1),
        a.start_time, a.end_time, extract(epoch FROM a.end_time - a.start_time) * 1000,
        a.span_count, a.error_count, a.prompt_tokens, a.completion_tokens, a.total_tokens,
        CASE WHEN a.error_count > 0 THEN 'ERROR'::"StatusCode" ELSE coalesce(r.status_code, 'UNSET') END,
        r.span_id, r.name, r.span_kind, left(r.input_value, ${PREVIEW_CHARS}), left(r.output_value, ${PREVIEW_CHARS}),
        to_tsvector('english',
          left(coalesce(r.input_value, ''), ${SEARCH_CHARS}) || ' ' || left(coalesce(r.output_value, ''), ${SEARCH_CHARS})),
        left(coalesce(r.input_value, ''), ${SEARCH_CHARS}) || E'\n' || left(coalesce(r.output_value, ''), ${SEARCH_CHARS})
      FROM json_to_recordset(${JSON.stringify(traceRows(spans, projectIds))}::json)
        AS tr(trace_id text, project_id int, session_ids text[])
      JOIN agg a ON a.trace_id = tr.trace_id
      LEFT JOIN root r ON r.trace_id = tr.trace_id
      ORDER BY tr.trace_id
      ON CONFLICT (trace_id) DO UPDATE SET
        session_row_id = coalesce(EXCLUDED.session_row_id, traces.session_row_id)
      -- A trace never moves project: one stored in another project is left alone
      -- and missing from t, so its spans are not written (and are rejected).
      WHERE traces.project_id = EXCLUDED.project_id
      -- xmax = 0: the row was inserted here, not updated (a trace stored before).
      RETURNING id, trace_id, xmax = 0 AS fresh
    ), sp AS (
      INSERT INTO spans (span_id, trace_row_id, project_id, parent_span_id, name, span_kind, status_code,
        status_message, start_time, end_time, attributes, events, input_value, input_mime_type, output_value,
        output_mime_type, prompt_tokens, completion_tokens, total_tokens, document_count)
      SELECT x.span_id, t.id, x.project_id, x.parent_span_id, x.name, x.span_kind, x.status_code,
        x.status_message, x.start_time, x.end_time, x.attributes, x.events, x.input_value, x.input_mime_type, x.output_value,
        x.output_mime_type, x.prompt_tokens, x.completion_tokens, x.total_tokens, x.document_count
      FROM x
      JOIN t ON t.trace_id = x.trace_id
      ORDER BY x.span_id
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
      WHERE spans.trace_row_id = EXCLUDED.trace_row_id AND spans.project_id = EXCLUDED.project_id
      RETURNING 1
    )
    SELECT 'session' AS kind, session_id AS key, project_id, id FROM s
    UNION ALL SELECT CASE WHEN fresh THEN 'trace' ELSE 'stored trace' END, trace_id, NULL, id FROM t
    UNION ALL SELECT 'written', NULL, NULL, count(*)::int FROM sp`;
  const sessionRowIds = new Map<string, number>();
  const traceRowIds = new Map<string, number>();
  const storedTraceRowIds: number[] = [];
  let written = 0;
  for (const row of rows) {
    if (row.kind === "session") sessionRowIds.set(sessionKey(row.project_id!, row.key!), row.id);
    else if (row.kind === "written") written = row.id;
    else {
      traceRowIds.set(row.key!, row.id);
      if (row.kind === "stored trace") storedTraceRowIds.push(row.id);
    }
  }
  return { sessionRowIds, traceRowIds, storedTraceRowIds, written };
}
