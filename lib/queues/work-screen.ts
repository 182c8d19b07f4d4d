import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import type { ProjectRef } from "@/lib/projects/projects";
import { selectedSpan } from "@/lib/review/review-item";
import { loadTraceReview, type TraceReview } from "@/lib/review/trace-review";
import { getSessionDetail, type SessionDetail } from "@/lib/sessions/sessions";
import { getTraceDetailByRowId, type TraceDetail } from "@/lib/traces/get-trace-detail";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimAhead, myFinishedItems, workItem } from "./claims";
import type { QueueTargetKind, WorkItem } from "./queue-types";
import { queueTargetExists } from "./target-exists";

// What the work screen (review mode bound to a queue) reads besides the claim
// API of claims.ts: the item's target, opened the way review mode opens it,
// and how much of the queue is left for the reader.

export type WorkTarget =
  | { kind: "TRACE"; detail: TraceDetail }
  | { kind: "SPAN"; detail: TraceDetail; spanId: string }
  | { kind: "SESSION"; session: SessionDetail };

/** The item's trace, span (in its trace) or session, within the project; null once deleted. */
export async function loadWorkTarget(projectId: number, kind: QueueTargetKind, targetId: number): Promise<WorkTarget | null> {
  if (kind === "SESSION") {
    const session = await getSessionDetail(projectId, { rowId: targetId });
    return session ? { kind, session } : null;
  }
  if (kind === "TRACE") {
    const detail = await getTraceDetailByRowId(projectId, targetId);
    return detail ? { kind, detail } : null;
  }
  const span = await prisma.span.findFirst({ where: { id: targetId, projectId }, select: { spanId: true, traceRowId: true } });
  const detail = span ? await getTraceDetailByRowId(projectId, span.traceRowId) : null;
  return span && detail ? { kind, detail, spanId: span.spanId } : null;
}

export type QueueStanding = {
  // Items the reader still has to do: not complete, not done or skipped by
  // them, not reserved for someone else (the one on screen included).
  remaining: number;
  // Of those, the ones another reviewer holds with a fresh claim: they come
  // back when released, skipped or expired.
  heldByOthers: number;
  // The item the reader holds with a fresh claim, if any (Start gives it back first).
  mine: number | null;
};

/** How much of a queue is left for the reader; two counts over the queue's open items. */
export async function queueStanding(actor: Actor, queueId: number): Promise<QueueStanding> {
  // API-key actors have no user; the work screen is for signed-in people.
  if (!actor.userId) return { remaining: 0, heldByOthers: 0, mine: null };
  const open = {
    queueId,
    completedAt: null,
    reviews: { none: { userId: actor.userId } },
    OR: [{ assignedToId: null }, { assignedToId: actor.userId }],
  };
  const now = new Date();
  const [[{ remaining }], heldByOthers, mine] = await Promise.all([
    // As `open`, less the items whose target was deleted (claimNext skips them, and their claims are released).
    prisma.$queryRaw<{ remaining: number }[]>`
      SELECT count(*)::int AS remaining FROM queue_items i JOIN review_queues q ON q.id = i.queue_id
      WHERE i.queue_id = ${queueId} AND i.completed_at IS NULL
        AND (i.assigned_to_id IS NULL OR i.assigned_to_id = ${actor.userId}::uuid)
        AND NOT EXISTS (SELECT 1 FROM queue_reviews r WHERE r.item_id = i.id AND r.user_id = ${actor.userId}::uuid)
        AND ${queueTargetExists(Prisma.sql`q.target_kind`)}`,
    prisma.queueItem.count({ where: { ...open, claimedById: { not: actor.userId }, claimExpiresAt: { gt: now } } }),
    prisma.queueItem.findFirst({ where: { ...open, claimedById: actor.userId, claimExpiresAt: { gt: now } }, select: { id: true } }),
  ]);
  return { remaining, heldByOthers, mine: mine?.id ?? null };
}

/** Short names of targets, for the list of my finished items: root span and trace id, span name, session id. */
export async function targetLabels(projectId: number, kind: QueueTargetKind, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const where = { id: { in: ids }, projectId };
  if (kind === "TRACE") {
    const rows = await prisma.trace.findMany({ where, select: { id: true, traceId: true, rootSpanName: true } });
    return new Map(rows.map((row) => [row.id, `${row.rootSpanName ?? "trace"} ${row.traceId.slice(0, 8)}`]));
  }
  if (kind === "SPAN") {
    const rows = await prisma.span.findMany({ where, select: { id: true, spanId: true, name: true } });
    return new Map(rows.map((row) => [row.id, `${row.name} ${row.spanId.slice(0, 8)}`]));
  }
  const rows = await prisma.session.findMany({ where, select: { id: true, sessionId: true } });
  return new Map(rows.map((row) => [row.id, row.sessionId]));
}

/** What a trace or span queue item shows besides the bar: its trace, the selected span and the review panel. */
export type WorkTraceView = {
  kind: "TRACE" | "SPAN";
  detail: TraceDetail;
  // A span queue's span.
  spanId: string | null;
  selectedSpanId: string | null;
  review: TraceReview;
};

/** The view of a trace or span queue's target (the span queue's span selected unless another is asked for); null once deleted. */
export async function workTraceView(actor: Actor, project: { id: number; blindReview: boolean }, kind: "TRACE" | "SPAN", targetId: number, requestedSpanId?: string): Promise<WorkTraceView | null> {
  const target = await loadWorkTarget(project.id, kind, targetId);
  if (!target || target.kind === "SESSION") return null;
  const spanId = target.kind === "SPAN" ? target.spanId : null;
  const selected = selectedSpan(target.detail.spans, requestedSpanId ?? spanId ?? undefined);
  const review = await loadTraceReview(actor, project, target.detail.trace.id, selected);
  return { kind: target.kind, detail: target.detail, spanId, selectedSpanId: selected?.spanId ?? null, review };
}

/** The item held ahead (claimAhead) and what it shows: the work screen draws it the moment the reader submits. */
export type WorkAhead = { item: WorkItem; view: WorkTraceView | null } | null;

/**
 * Claims the reader's next item ahead of time while they work `current` (see
 * claimAhead in claims.ts), with its trace and review panel (blind review
 * applied). Trace and span queues only: a session queue's screen is rendered by
 * the server on each move, so nothing is held ahead for it.
 */
export async function workAhead(actor: Actor | null, project: ProjectRef, queue: { id: number; targetKind: QueueTargetKind }, current: number): Promise<WorkAhead> {
  if (queue.targetKind === "SESSION") return null;
  const item = await claimAhead(actor, project, queue.id, current);
  if (!item) return null;
  return { item, view: await workTraceView(actor!, project, queue.targetKind, item.targetId) };
}

/**
 * The view of an item the reader holds or finished (workItem decides, and
 * throws otherwise), read again after a label is saved: the annotations list,
 * and with blind review the others' values, now shown.
 */
export async function workItemView(actor: Actor | null, project: ProjectRef, queue: { id: number; targetKind: QueueTargetKind }, itemId: number, requestedSpanId?: string): Promise<WorkTraceView | null> {
  const item = await workItem(actor, project, queue.id, itemId);
  if (queue.targetKind === "SESSION") return null;
  return workTraceView(actor!, project, queue.targetKind, item.targetId, requestedSpanId);
}

/** One of the reader's finished or skipped items, named for the work bar's menu. */
export type FinishedWorkItem = { itemId: number; targetId: number; status: "DONE" | "SKIPPED"; label: string };

/** The work bar's counts and the reader's finished items (most recent first). */
export async function workBarData(actor: Actor, project: ProjectRef, queue: { id: number; targetKind: QueueTargetKind }): Promise<{ standing: QueueStanding; finished: FinishedWorkItem[] }> {
  const [standing, finishedRows] = await Promise.all([queueStanding(actor, queue.id), myFinishedItems(actor, project, queue.id)]);
  const labels = await targetLabels(project.id, queue.targetKind, finishedRows.map((row) => row.targetId));
  return { standing, finished: finishedRows.map((row) => ({ ...row, label: labels.get(row.targetId) ?? "(deleted)" })) };
}
