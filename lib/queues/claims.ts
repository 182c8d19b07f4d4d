import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QueueReviewStatus } from "@/lib/generated/prisma/enums";
import { authorize, can, reviewerIdentifier, type Actor } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { fillFromRule } from "./queue-items";
import { queueTargetExists } from "./target-exists";
import { parseInput, skipReasonSchema } from "./queue-schemas";
import {
  assertNotArchived, assertWorker, loadQueue, loadQueueForWorker, workerId, type ProjectRef, type QueueRow, type WorkerRow,
} from "./queue-store";
import type { WorkItem } from "./queue-types";

// Working a queue. Every claim lives in queue_items (claimed_by_id,
// claim_expires_at), never in a process, so any number of app processes on one
// database hand out work correctly: a claim is taken by one UPDATE whose row was
// picked with FOR UPDATE SKIP LOCKED, and a claim is fresh until it expires.

/**
 * The claim-next call: the reviewer's own fresh claim if they hold one; else
 * the first open item reserved for them; else the first open unreserved item.
 * "Open" means: not complete, not held fresh by anyone, not finished or
 * skipped by this reviewer, its target not deleted. Rows locked by a
 * concurrent claim are skipped, and a row another claim changed meanwhile is
 * re-checked by Postgres before it is locked, so no item goes to two reviewers.
 *
 * One round trip: the function queue_claim_next (migration
 * 20261203010000_claim_next_function; its scan for unclaimed items on a partial
 * index since 20261204004000_claim_next_open_items) finds the queue in the project, takes a
 * lock per (queue, reviewer), checks the worker (active; listed unless the
 * queue is open to all or `anyQueue`) and, if allowed, claims. A reviewer's
 * concurrent calls (two tabs, a double press) so run one after the other and
 * the second sees the first's claim: a reviewer holds at most one item of a
 * queue. Reviewers never wait for each other. It used to be a transaction of
 * four round trips holding a pooled connection throughout (~36 ms p50 with 20
 * reviewers at once against ~6.5 ms for its claim statement alone).
 * Exported for the benchmark (the raw SQL figure runs this very statement).
 */
export function claimNextSql(project: ProjectRef, queueId: number, userId: string, anyQueue: boolean): Prisma.Sql {
  return Prisma.sql`SELECT * FROM queue_claim_next(${project.id}::int, ${Number.isSafeInteger(queueId) ? queueId : 0}::int,
    ${userId}::uuid, ${anyQueue}::boolean)`;
}

type ClaimRow = WorkerRow & { itemId: number | null; targetId: number | null; claimExpiresAt: Date | null };

/**
 * Claims the next item for the reader (or gives back their current claim); null
 * when nothing is left for them. Throws (and holds nothing) when the queue is
 * not the project's, the reader may not work it, or it is archived.
 */
export async function claimNext(actor: Actor | null, project: ProjectRef, queueId: number): Promise<WorkItem | null> {
  workerId(actor);
  const sql = claimNextSql(project, queueId, actor.userId, can(actor, "manage-queues"));
  const claim = async () => {
    const [row] = await prisma.$queryRaw<ClaimRow[]>(sql);
    const item: WorkItem | null = row?.itemId != null
      ? { itemId: row.itemId, targetId: row.targetId!, mine: "claimed", claimExpiresAt: row.claimExpiresAt }
      : null;
    return { row, item };
  };
  let { row, item } = await claim();
  const queue = assertWorker(actor, queueId, row);
  assertNotArchived(queue);
  // A rule queue takes in new matches (throttled), and the reader gets one if they had run out.
  if (queue.rule && (await fillFromRule(queue.id)) > 0 && !item) ({ item } = await claim());
  return item;
}

/** The queue's rubrics the reviewer has not given on the target (their own annotation, by identifier). */
async function missingRubrics(queue: QueueRow, targetId: number, userId: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT r.name FROM queue_rubrics qr JOIN rubrics r ON r.id = qr.rubric_id
    WHERE qr.queue_id = ${queue.id} AND NOT EXISTS (
      SELECT 1 FROM annotations a
      WHERE a.target_type = ${queue.targetKind}::"AnnotationTarget" AND a.target_id = ${targetId}
        AND a.name = r.name AND a.identifier = ${reviewerIdentifier(userId)})
    ORDER BY r.name`;
  return rows.map((row) => row.name);
}

async function itemOf(queue: QueueRow, itemId: number, userId: string) {
  const [item] = Number.isSafeInteger(itemId)
    ? await prisma.$queryRaw<{ id: number; targetId: number; claimedById: string | null; claimExpiresAt: Date | null; status: QueueReviewStatus | null }[]>`
        SELECT i.id, i.target_id AS "targetId", i.claimed_by_id::text AS "claimedById", i.claim_expires_at AS "claimExpiresAt", r.status
        FROM queue_items i LEFT JOIN queue_reviews r ON r.item_id = i.id AND r.user_id = ${userId}::uuid
        WHERE i.id = ${itemId} AND i.queue_id = ${queue.id}`
    : [];
  if (!item) throw new NotFoundError(`Item ${itemId} is not in this queue.`);
  return item;
}

function notYours(item: { claimedById: string | null }): ConflictError {
  return new ConflictError(item.claimedById
    ? "Your claim on this item expired and another reviewer took it."
    : "You do not hold this item: claim it first.");
}

/**
 * Completes the reader's review of an item they hold: every queue rubric must
 * carry their annotation on the target. One statement: the item's done count
 * (and completion at N) and the reader's DONE row change together, and the
 * claim is released. Completing an item already DONE (a revisit) is a no-op.
 */
export async function completeReview(actor: Actor | null, project: ProjectRef, queueId: number, itemId: number): Promise<{ revisit: boolean }> {
  const { queue, userId } = await loadQueueForWorker(actor, project, queueId);
  const item = await itemOf(queue, itemId, userId);
  if (item.status === "DONE") return { revisit: true };
  assertNotArchived(queue);
  if (item.claimedById !== userId) throw notYours(item);
  const missing = await missingRubrics(queue, item.targetId, userId);
  if (missing.length) {
    throw new ValidationError(`Give every rubric of the queue first: ${missing.join(", ")}.`, { rubrics: missing });
  }
  const rows = await prisma.$queryRaw<{ itemId: number }[]>`
    WITH done AS (
      UPDATE queue_items i SET done_count = i.done_count + 1,
        completed_at = CASE WHEN i.done_count + 1 >= q.reviews_needed THEN coalesce(i.completed_at, now()) ELSE i.completed_at END,
        claimed_by_id = NULL, claimed_at = NULL, claim_expires_at = NULL
      FROM review_queues q
      WHERE i.id = ${item.id} AND q.id = i.queue_id AND i.claimed_by_id = ${userId}::uuid
        AND NOT EXISTS (SELECT 1 FROM queue_reviews r WHERE r.item_id = i.id AND r.user_id = ${userId}::uuid AND r.status = 'DONE')
      RETURNING i.id
    )
    INSERT INTO queue_reviews (item_id, user_id, status, updated_at)
    SELECT id, ${userId}::uuid, 'DONE'::"QueueReviewStatus", now() FROM done
    ON CONFLICT (item_id, user_id) DO UPDATE SET status = 'DONE', reason = NULL, updated_at = now()
    RETURNING item_id AS "itemId"`;
  if (rows.length) return { revisit: false };
  // Lost a race: a second submit of the same review, or the claim went to another.
  const now = await itemOf(queue, itemId, userId);
  if (now.status === "DONE") return { revisit: true };
  throw notYours(now);
}

/**
 * Claim-ahead: while the reader works `current` (their fresh claim), a second
 * claim, on the item they will get next, so the work screen can draw it the
 * moment they submit (components/queues/work-screen-client.tsx): claimNext
 * hands back the reader's own fresh claim first, and renews it. A real claim
 * in queue_items like any other, so no other reviewer (in any app process) is
 * handed it or shown it; it expires like any claim, and Release gives it back
 * with the current one. At most one ahead: called again, it answers the one
 * held. Null when the reader no longer holds `current` fresh, or nothing else
 * is open for them (a rule queue's new matches wait for the claim on submit).
 * Under the same per (queue, reviewer) advisory lock as queue_claim_next, so a
 * reviewer's concurrent claims never take a third item; the pick is
 * queue_claim_next's (reserved for the reader, then unreserved, in the index's
 * order, SKIP LOCKED), less its "mine" step.
 */
export async function claimAhead(actor: Actor | null, project: ProjectRef, queueId: number, current: number): Promise<WorkItem | null> {
  const { queue, userId } = await loadQueueForWorker(actor, project, queueId);
  assertNotArchived(queue);
  if (!Number.isSafeInteger(current)) return null;
  const open = Prisma.sql`i.queue_id = ${queue.id} AND i.id <> ${current} AND i.completed_at IS NULL
    AND (i.claimed_by_id IS NULL OR i.claim_expires_at <= now())
    AND NOT EXISTS (SELECT 1 FROM queue_reviews r WHERE r.item_id = i.id AND r.user_id = ${userId}::uuid)
    AND ${queueTargetExists(Prisma.sql`${queue.targetKind}::text`, { probe: true })}`;
  const rows = await prisma.$transaction(async (tx) => {
    // queue_claim_next's lock (migration 20261203010000): the statement below reads after it is granted.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${queue.id}::int, hashtext(${userId}::uuid::text))`;
    return tx.$queryRaw<{ itemId: number; targetId: number; claimExpiresAt: Date | null }[]>`
      WITH holding AS (
        SELECT 1 FROM queue_items i
        WHERE i.id = ${current} AND i.queue_id = ${queue.id} AND i.claimed_by_id = ${userId}::uuid
          AND i.claim_expires_at > now() AND i.completed_at IS NULL
      ), ahead AS (
        SELECT i.id, i.target_id, i.claim_expires_at FROM queue_items i
        WHERE i.queue_id = ${queue.id} AND i.id <> ${current} AND i.claimed_by_id = ${userId}::uuid
          AND i.claim_expires_at > now() AND i.completed_at IS NULL
        ORDER BY i.claimed_at DESC, i.id LIMIT 1
      ), assigned AS (
        SELECT i.id FROM queue_items i WHERE i.assigned_to_id = ${userId}::uuid AND ${open}
        ORDER BY i.id LIMIT 1 FOR UPDATE SKIP LOCKED
      ), unassigned AS (
        SELECT i.id FROM queue_items i WHERE i.assigned_to_id IS NULL AND ${open}
        ORDER BY i.queue_id, i.completed_at, i.id LIMIT 1 FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE queue_items u
        SET claimed_by_id = ${userId}::uuid, claimed_at = now(), claim_expires_at = now() + make_interval(secs => ${queue.claimTimeoutSeconds}::int)
        WHERE u.id = (SELECT id FROM assigned UNION ALL SELECT id FROM unassigned LIMIT 1)
          AND EXISTS (SELECT 1 FROM holding) AND NOT EXISTS (SELECT 1 FROM ahead)
        RETURNING u.id, u.target_id, u.claim_expires_at
      )
      SELECT id AS "itemId", target_id AS "targetId", claim_expires_at AS "claimExpiresAt" FROM ahead WHERE EXISTS (SELECT 1 FROM holding)
      UNION ALL
      SELECT id, target_id, claim_expires_at FROM claimed`;
  });
  const [row] = rows;
  return row ? { itemId: row.itemId, targetId: row.targetId, mine: "claimed", claimExpiresAt: row.claimExpiresAt } : null;
}

/** Completes the review, then claims the next item. */
export async function completeAndClaimNext(actor: Actor | null, project: ProjectRef, queueId: number, itemId: number): Promise<WorkItem | null> {
  await completeReview(actor, project, queueId, itemId);
  return claimNext(actor, project, queueId);
}

/** Skips an item the reader holds, with a reason: it goes back to the others, never again to the reader. */
export async function skipItem(actor: Actor | null, project: ProjectRef, queueId: number, itemId: number, reason: string): Promise<void> {
  const text = parseInput(skipReasonSchema, reason);
  const { queue, userId } = await loadQueueForWorker(actor, project, queueId);
  const item = await itemOf(queue, itemId, userId);
  if (item.status === "SKIPPED") return;
  if (item.status === "DONE") throw new ConflictError("You finished this item; it cannot be skipped.");
  if (item.claimedById !== userId) throw notYours(item);
  const rows = await prisma.$queryRaw<{ itemId: number }[]>`
    WITH released AS (
      UPDATE queue_items i SET claimed_by_id = NULL, claimed_at = NULL, claim_expires_at = NULL
      WHERE i.id = ${item.id} AND i.claimed_by_id = ${userId}::uuid
      RETURNING i.id
    )
    INSERT INTO queue_reviews (item_id, user_id, status, reason, updated_at)
    SELECT id, ${userId}::uuid, 'SKIPPED'::"QueueReviewStatus", ${text}::text, now() FROM released
    ON CONFLICT (item_id, user_id) DO NOTHING
    RETURNING item_id AS "itemId"`;
  if (!rows.length) {
    const now = await itemOf(queue, itemId, userId);
    if (now.status === "SKIPPED") return;
    throw notYours(now);
  }
}

/**
 * Gives an item the reader holds back to the queue (they may get it again), and
 * the one they held ahead of it (claimAhead): Release is stopping work. Releasing
 * what one does not hold is a no-op.
 */
export async function releaseItem(actor: Actor | null, project: ProjectRef, queueId: number, itemId: number): Promise<void> {
  const { queue, userId } = await loadQueueForWorker(actor, project, queueId);
  const item = await itemOf(queue, itemId, userId);
  await prisma.queueItem.updateMany({
    where: { queueId: queue.id, claimedById: userId, completedAt: null, ...(item.claimedById === userId ? {} : { id: item.id }) },
    data: { claimedById: null, claimedAt: null, claimExpiresAt: null },
  });
}

/** The item as the reader may open it: held by them, or finished/skipped by them (revisiting). */
export async function workItem(actor: Actor | null, project: ProjectRef, queueId: number, itemId: number): Promise<WorkItem> {
  const { queue, userId } = await loadQueueForWorker(actor, project, queueId);
  const item = await itemOf(queue, itemId, userId);
  if (item.claimedById === userId) return { itemId: item.id, targetId: item.targetId, mine: "claimed", claimExpiresAt: item.claimExpiresAt };
  if (item.status) return { itemId: item.id, targetId: item.targetId, mine: item.status, claimExpiresAt: null };
  throw new ForbiddenError("This item is not yours: claim the next item instead.");
}

/** The items the reader finished or skipped in the queue, most recent first. */
export async function myFinishedItems(actor: Actor | null, project: ProjectRef, queueId: number): Promise<{ itemId: number; targetId: number; status: QueueReviewStatus }[]> {
  authorize(actor, "annotate");
  const queue = await loadQueue(project, queueId);
  if (!actor.userId) return [];
  return prisma.$queryRaw`
    SELECT i.id AS "itemId", i.target_id AS "targetId", r.status
    FROM queue_reviews r JOIN queue_items i ON i.id = r.item_id
    WHERE r.user_id = ${actor.userId}::uuid AND i.queue_id = ${queue.id}
    ORDER BY r.updated_at DESC, i.id DESC`;
}
