import { prisma } from "@/lib/db";
import type { SpanKind, StatusCode } from "@/lib/generated/prisma/enums";

export type SessionRow = {
  id: number;
  sessionId: string;
  startTime: Date;
  endTime: Date;
  traceCount: number;
  firstInput: string | null;
  userId: string | null;
};

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
// Found by its session.id, or by row id (review lists hold row ids).
export async function getSessionDetail(projectId: number, sessionId: string | { rowId: number }): Promise<SessionDetail | null> {
  const session = await prisma.session.findFirst({
    where: typeof sessionId === "string" ? { projectId, sessionId } : { projectId, id: sessionId.rowId },
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
