import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SpanKind, StatusCode } from "@/lib/generated/prisma/enums";
import { decodeCursor, toPage, type Page } from "@/lib/pagination/keyset";
import type { SessionFilters } from "./session-filters";

export type SessionRow = {
  id: number;
  sessionId: string;
  startTime: Date;
  endTime: Date;
  traceCount: number;
  firstInput: string | null;
  userId: string | null;
};

export async function listSessions(projectId: number, filters: SessionFilters): Promise<Page<SessionRow>> {
  const cursor = decodeCursor(filters.cursor);
  const after = cursor
    ? Prisma.sql`AND (start_time, id) < (${new Date(cursor.value)}::timestamptz, ${cursor.id})`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT id, session_id AS "sessionId", start_time AS "startTime", end_time AS "endTime",
      trace_count AS "traceCount", first_input AS "firstInput", user_id AS "userId"
    FROM sessions
    WHERE project_id = ${projectId} ${after}
    ORDER BY start_time DESC, id DESC
    LIMIT ${filters.limit + 1}`;
  return toPage(rows, filters.limit, (row) => ({ value: row.startTime.toISOString(), id: row.id }));
}

export type SessionTurn = {
  traceId: string;
  startTime: Date;
  latencyMs: number;
  statusCode: StatusCode;
  rootSpanName: string | null;
  rootSpanKind: SpanKind | null;
  input: string | null;
  output: string | null;
  totalTokens: number;
};

export type SessionDetail = SessionRow & { projectName: string; turns: SessionTurn[] };

// A session reads as the conversation: each trace is a turn, with its root span's full input and output.
export async function getSessionDetail(projectId: number, sessionId: string): Promise<SessionDetail | null> {
  const session = await prisma.session.findFirst({
    where: { projectId, sessionId },
    select: {
      id: true, sessionId: true, startTime: true, endTime: true, traceCount: true, firstInput: true, userId: true,
      project: { select: { name: true } },
    },
  });
  if (!session) return null;
  const turns = await prisma.$queryRaw<SessionTurn[]>`
    SELECT t.trace_id AS "traceId", t.start_time AS "startTime", t.latency_ms AS "latencyMs",
      t.status_code AS "statusCode", t.root_span_name AS "rootSpanName", t.root_span_kind AS "rootSpanKind",
      r.input_value AS "input", r.output_value AS "output", t.total_tokens AS "totalTokens"
    FROM traces t LEFT JOIN spans r ON r.span_id = t.root_span_id
    WHERE t.session_row_id = ${session.id}
    ORDER BY t.start_time, t.id`;
  const { project, ...row } = session;
  return { ...row, projectName: project.name, turns };
}
