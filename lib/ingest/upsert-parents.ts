import type { PreparedSpan, Tx } from "./ingest-spans";

// Projects, sessions and traces a batch of spans belongs to, created when new.
// Each returns a map from the external key to the row id.

export async function upsertProjects(tx: Tx, spans: PreparedSpan[]): Promise<Map<string, number>> {
  const names = [...new Set(spans.map((s) => s.projectName))].sort();
  await tx.$executeRaw`
    INSERT INTO projects (name, updated_at) SELECT unnest(${names}::text[]), now()
    ON CONFLICT (name) DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: number; name: string }[]>`
    SELECT id, name FROM projects WHERE name = ANY(${names}::text[])`;
  return new Map(rows.map((r) => [r.name, r.id]));
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

export async function upsertSessions(
  tx: Tx,
  spans: PreparedSpan[],
  projectIds: Map<string, number>,
): Promise<Map<string, number>> {
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
  if (sessions.size === 0) return new Map();
  const ids = [...sessions.keys()].sort();
  const rows = await tx.$queryRaw<{ id: number; session_id: string; project_id: number }[]>`
    INSERT INTO sessions (session_id, project_id, user_id, start_time, end_time)
    SELECT * FROM unnest(
      ${ids}::text[],
      ${ids.map((id) => sessions.get(id)!.projectId)}::int[],
      ${ids.map((id) => sessions.get(id)!.userId)}::text[],
      ${ids.map((id) => sessions.get(id)!.range.start)}::timestamptz[],
      ${ids.map((id) => sessions.get(id)!.range.end)}::timestamptz[])
    ON CONFLICT (session_id) DO UPDATE SET
      start_time = least(sessions.start_time, EXCLUDED.start_time),
      end_time = greatest(sessions.end_time, EXCLUDED.end_time),
      user_id = coalesce(sessions.user_id, EXCLUDED.user_id)
    -- A session id already used in another project stays there, untouched; this
    -- batch's traces are not linked to it (a trace never joins another project's session).
    WHERE sessions.project_id = EXCLUDED.project_id
    RETURNING id, session_id, project_id`;
  return new Map(rows.map((r) => [sessionKey(r.project_id, r.session_id), r.id]));
}

export async function upsertTraces(
  tx: Tx,
  spans: PreparedSpan[],
  projectIds: Map<string, number>,
  sessionRowIds: Map<string, number>,
): Promise<Map<string, number>> {
  const traces = new Map<string, { projectId: number; sessionRowId: number | null; range: TimeRange }>();
  for (const span of spans) {
    const seen = traces.get(span.traceId);
    const projectId = seen?.projectId ?? projectIds.get(span.projectName)!;
    traces.set(span.traceId, {
      projectId,
      sessionRowId: seen?.sessionRowId ?? (span.sessionId ? sessionRowIds.get(sessionKey(projectId, span.sessionId)) ?? null : null),
      range: widen(seen?.range, span),
    });
  }
  const ids = [...traces.keys()].sort();
  const rows = await tx.$queryRaw<{ id: number; trace_id: string }[]>`
    INSERT INTO traces (trace_id, project_id, session_row_id, start_time, end_time)
    SELECT * FROM unnest(
      ${ids}::text[],
      ${ids.map((id) => traces.get(id)!.projectId)}::int[],
      ${ids.map((id) => traces.get(id)!.sessionRowId)}::int[],
      ${ids.map((id) => traces.get(id)!.range.start)}::timestamptz[],
      ${ids.map((id) => traces.get(id)!.range.end)}::timestamptz[])
    ON CONFLICT (trace_id) DO UPDATE SET
      session_row_id = coalesce(EXCLUDED.session_row_id, traces.session_row_id)
    -- A trace never moves project: one stored in another project is left alone
    -- and missing from the result, so its spans are rejected (span-conflicts.ts).
    WHERE traces.project_id = EXCLUDED.project_id
    RETURNING id, trace_id`;
  return new Map(rows.map((r) => [r.trace_id, r.id]));
}
