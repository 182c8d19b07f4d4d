import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Sessions as Phoenix's REST API returns them: the session with its traces
// (id, trace id, times) and token totals summed over those traces.

export type SessionTraceRecord = { id: number; traceId: string; startTime: Date; endTime: Date };

export type SessionRecord = {
  id: number;
  sessionId: string;
  projectId: number;
  startTime: Date;
  endTime: Date;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  traces: SessionTraceRecord[];
};

type SessionRow = Omit<SessionRecord, "traces">;

async function withTraces(rows: SessionRow[]): Promise<SessionRecord[]> {
  if (rows.length === 0) return [];
  const traces = await prisma.$queryRaw<(SessionTraceRecord & { sessionRowId: number })[]>`
    SELECT id, trace_id AS "traceId", start_time AS "startTime", end_time AS "endTime", session_row_id AS "sessionRowId"
    FROM traces WHERE session_row_id = ANY(${rows.map((r) => r.id)}::int[])
    ORDER BY start_time, id`;
  return rows.map((row) => ({
    ...row,
    traces: traces.filter((t) => t.sessionRowId === row.id).map(({ sessionRowId: _, ...trace }) => trace),
  }));
}

function selectSessions(where: Prisma.Sql, order: Prisma.Sql, limit: number) {
  return prisma.$queryRaw<SessionRow[]>`
    SELECT s.id, s.session_id AS "sessionId", s.project_id AS "projectId", s.start_time AS "startTime",
      s.end_time AS "endTime",
      coalesce(sum(t.prompt_tokens), 0)::int AS "promptTokens",
      coalesce(sum(t.completion_tokens), 0)::int AS "completionTokens",
      coalesce(sum(t.total_tokens), 0)::int AS "totalTokens"
    FROM sessions s LEFT JOIN traces t ON t.session_row_id = s.id
    WHERE ${where}
    GROUP BY s.id
    ORDER BY ${order}
    LIMIT ${limit}`;
}

export type SessionListQuery = { limit: number; order: "asc" | "desc"; cursorId?: number };

/** A project's sessions by row id (Phoenix's order); the cursor is the first row of the next page. */
export async function listSessionRecords(projectId: number, query: SessionListQuery) {
  const asc = query.order === "asc";
  const conditions = [Prisma.sql`s.project_id = ${projectId}`];
  if (query.cursorId !== undefined) conditions.push(asc ? Prisma.sql`s.id >= ${query.cursorId}` : Prisma.sql`s.id <= ${query.cursorId}`);
  const rows = await selectSessions(Prisma.join(conditions, " AND "), asc ? Prisma.sql`s.id ASC` : Prisma.sql`s.id DESC`, query.limit + 1);
  const extra = rows.length > query.limit ? rows.pop()! : null;
  return { rows: await withTraces(rows), nextId: extra?.id ?? null };
}

/** One session by row id or by its `session.id` string. */
export async function findSessionRecord(ref: { rowId: number } | { sessionId: string }): Promise<SessionRecord | null> {
  const where = "rowId" in ref ? Prisma.sql`s.id = ${ref.rowId}` : Prisma.sql`s.session_id = ${ref.sessionId}`;
  const [row] = await selectSessions(where, Prisma.sql`s.id`, 1);
  return row ? (await withTraces([row]))[0] : null;
}
