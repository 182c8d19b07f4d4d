import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, can, type Actor } from "@/lib/auth/permissions";
import { ConflictError, ValidationError } from "@/lib/errors";
import { annotationReader } from "@/lib/review/blind-review";
import { sourceIdsSql } from "./queue-items";
import { parseInput, queueInputSchema, queueSourceSchema, type QueueInput, type QueueSource } from "./queue-schemas";
import { assertQueueRubrics, assertReviewers, isUniqueViolation, loadQueue, type ProjectRef } from "./queue-store";
import type { QueueDetail, QueueSummary } from "./queue-types";

// Review queues: a lead hands out review work. Writes need 'manage-queues';
// reads need 'read'. Claims and completion live in claims.ts.

// A queue from a list of 100k traces is one INSERT … SELECT of a second or two
// on a busy machine: more than Prisma's default 5 s transaction time is allowed.
const BIG_INSERT_TIMEOUT_MS = 60_000;

function nameTaken(name: string): ConflictError {
  return new ConflictError(`A queue named "${name}" already exists in this project.`, { name: ["is already taken"] });
}

async function withNameClash<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Creates a queue with its rubrics, reviewers and first items, in one transaction. */
export async function createQueue(actor: Actor | null, project: ProjectRef, input: QueueInput, source: QueueSource): Promise<{ id: number; added: number }> {
  authorize(actor, "manage-queues");
  const data = parseInput(queueInputSchema, input);
  const from = parseInput(queueSourceSchema, source);
  const idsSql = await sourceIdsSql({ projectId: project.id, targetKind: data.targetKind }, from, annotationReader(actor, project));
  return withNameClash(data.name, () =>
    prisma.$transaction(async (tx) => {
      await assertQueueRubrics(tx, project.id, data.targetKind, data.rubricIds);
      if (data.reviewerIds) await assertReviewers(tx, data.reviewerIds);
      const clash = await tx.reviewQueue.findFirst({ where: { projectId: project.id, name: data.name }, select: { id: true } });
      if (clash) throw nameTaken(data.name);
      const queue = await tx.reviewQueue.create({
        data: {
          projectId: project.id,
          name: data.name,
          instructions: data.instructions,
          targetKind: data.targetKind,
          reviewsNeeded: data.reviewsNeeded,
          claimTimeoutSeconds: data.claimTimeoutMinutes * 60,
          dueAt: data.dueAt ?? null,
          openToAllReviewers: data.reviewerIds === null,
          rule: from.kind === "rule" ? from.query : null,
          ruleFilledAt: from.kind === "rule" ? new Date() : null,
          createdById: actor.userId,
          rubrics: { create: [...new Set(data.rubricIds)].map((rubricId) => ({ rubricId })) },
          reviewers: { create: [...new Set(data.reviewerIds ?? [])].map((userId) => ({ userId })) },
        },
        select: { id: true },
      });
      const [row] = await tx.$queryRaw<{ added: number }[]>`
        WITH ins AS (
          INSERT INTO queue_items (queue_id, target_id)
          SELECT ${queue.id}, m.id FROM (${idsSql}) m
          ON CONFLICT (queue_id, target_id) DO NOTHING
          RETURNING 1
        )
        SELECT count(*)::int AS added FROM ins`;
      return { id: queue.id, added: row.added };
    }, { timeout: BIG_INSERT_TIMEOUT_MS }),
  );
}

/**
 * Changes a queue's fields, rubrics and reviewers. Reviewers taken off the
 * queue lose their claims and assignments; a new N re-decides which items are complete.
 */
export async function updateQueue(actor: Actor | null, project: ProjectRef, queueId: number, input: QueueInput): Promise<{ id: number }> {
  authorize(actor, "manage-queues");
  const data = parseInput(queueInputSchema, input);
  return withNameClash(data.name, () =>
    prisma.$transaction(async (tx) => {
      const queue = await loadQueue(project, queueId, tx);
      await tx.$queryRaw`SELECT id FROM review_queues WHERE id = ${queue.id} FOR UPDATE`;
      if (data.targetKind !== queue.targetKind && (await tx.queueItem.count({ where: { queueId: queue.id } })) > 0) {
        throw new ValidationError("A queue with items cannot change what it reviews.", { targetKind: ["cannot change once items are added"] });
      }
      await assertQueueRubrics(tx, project.id, data.targetKind, data.rubricIds);
      if (data.reviewerIds) await assertReviewers(tx, data.reviewerIds);
      const clash = await tx.reviewQueue.findFirst({ where: { projectId: project.id, name: data.name, id: { not: queue.id } }, select: { id: true } });
      if (clash) throw nameTaken(data.name);
      await tx.reviewQueue.update({
        where: { id: queue.id },
        data: {
          name: data.name,
          instructions: data.instructions,
          targetKind: data.targetKind,
          reviewsNeeded: data.reviewsNeeded,
          claimTimeoutSeconds: data.claimTimeoutMinutes * 60,
          dueAt: data.dueAt ?? null,
          openToAllReviewers: data.reviewerIds === null,
        },
      });
      await tx.queueRubric.deleteMany({ where: { queueId: queue.id } });
      await tx.queueRubric.createMany({ data: [...new Set(data.rubricIds)].map((rubricId) => ({ queueId: queue.id, rubricId })) });
      await tx.queueReviewer.deleteMany({ where: { queueId: queue.id } });
      if (data.reviewerIds) {
        const reviewerIds = [...new Set(data.reviewerIds)];
        await tx.queueReviewer.createMany({ data: reviewerIds.map((userId) => ({ queueId: queue.id, userId })) });
        // Plain reviewers no longer on the list give their items back (leads and admins may work any queue).
        await tx.$executeRaw`
          UPDATE queue_items i SET
            claimed_by_id = CASE WHEN i.claimed_by_id = u.id THEN NULL ELSE i.claimed_by_id END,
            claimed_at = CASE WHEN i.claimed_by_id = u.id THEN NULL ELSE i.claimed_at END,
            claim_expires_at = CASE WHEN i.claimed_by_id = u.id THEN NULL ELSE i.claim_expires_at END,
            assigned_to_id = CASE WHEN i.assigned_to_id = u.id THEN NULL ELSE i.assigned_to_id END
          FROM users u
          WHERE i.queue_id = ${queue.id} AND (i.claimed_by_id = u.id OR i.assigned_to_id = u.id)
            AND u.role = 'REVIEWER' AND u.id <> ALL(${reviewerIds}::uuid[])`;
      }
      if (data.reviewsNeeded !== queue.reviewsNeeded) {
        await tx.$executeRaw`
          UPDATE queue_items SET completed_at = CASE WHEN done_count >= ${data.reviewsNeeded} THEN coalesce(completed_at, now()) END
          WHERE queue_id = ${queue.id} AND (completed_at IS NULL) = (done_count >= ${data.reviewsNeeded})`;
      }
      return { id: queue.id };
    }),
  );
}

/** Archives (or restores) a queue; archiving releases every claim on it. */
export async function archiveQueue(actor: Actor | null, project: ProjectRef, queueId: number, archived: boolean): Promise<void> {
  authorize(actor, "manage-queues");
  const queue = await loadQueue(project, queueId);
  await prisma.$transaction(async (tx) => {
    await tx.reviewQueue.update({ where: { id: queue.id }, data: { archivedAt: archived ? (queue.archivedAt ?? new Date()) : null } });
    if (archived) {
      await tx.queueItem.updateMany({ where: { queueId: queue.id, claimedById: { not: null } }, data: { claimedById: null, claimedAt: null, claimExpiresAt: null } });
    }
  });
}

export async function getQueue(actor: Actor | null, project: ProjectRef, queueId: number): Promise<QueueDetail> {
  authorize(actor, "read");
  const { id } = await loadQueue(project, queueId);
  const queue = await prisma.reviewQueue.findUniqueOrThrow({
    where: { id },
    include: {
      reviewers: { select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
      rubrics: { select: { rubric: { select: { id: true, name: true, type: true } } }, orderBy: { rubric: { name: "asc" } } },
    },
  });
  return {
    id: queue.id,
    projectId: queue.projectId,
    name: queue.name,
    instructions: queue.instructions,
    targetKind: queue.targetKind,
    reviewsNeeded: queue.reviewsNeeded,
    claimTimeoutSeconds: queue.claimTimeoutSeconds,
    dueAt: queue.dueAt,
    archivedAt: queue.archivedAt,
    rule: queue.rule,
    openToAllReviewers: queue.openToAllReviewers,
    reviewers: queue.reviewers.map((r) => r.user),
    rubrics: queue.rubrics.map((r) => r.rubric),
    createdAt: queue.createdAt,
  };
}

// A summary per queue: counts over its items, and what is left for the reader
// (open, not finished or skipped by them, not held fresh by another, not
// reserved for another). Only the reader's own reviews are joined, so the
// count is one pass over the queue's items.
function summaries(where: Prisma.Sql, userId: string | null): Promise<QueueSummary[]> {
  return prisma.$queryRaw<QueueSummary[]>`
    SELECT q.id, p.name AS "projectName", q.name, q.target_kind AS "targetKind", q.reviews_needed AS "reviewsNeeded",
      q.due_at AS "dueAt", q.archived_at AS "archivedAt", q.rule,
      c."itemCount", c."completeCount", c."leftForMe", c."doneByMe"
    FROM review_queues q
    JOIN projects p ON p.id = q.project_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "itemCount",
        count(*) FILTER (WHERE i.completed_at IS NOT NULL)::int AS "completeCount",
        count(*) FILTER (WHERE i.completed_at IS NULL AND r.item_id IS NULL
          AND (i.claimed_by_id IS NULL OR i.claim_expires_at <= now() OR i.claimed_by_id = ${userId}::uuid)
          AND (i.assigned_to_id IS NULL OR i.assigned_to_id = ${userId}::uuid))::int AS "leftForMe",
        count(*) FILTER (WHERE r.status = 'DONE')::int AS "doneByMe"
      FROM queue_items i
      LEFT JOIN queue_reviews r ON r.item_id = i.id AND r.user_id = ${userId}::uuid
      WHERE i.queue_id = q.id
    ) c
    WHERE ${where}
    ORDER BY q.archived_at IS NOT NULL, q.due_at ASC NULLS LAST, q.created_at DESC, q.id DESC`;
}

/** The project's queues (archived ones only when asked), each with its counts. */
export async function listQueues(actor: Actor | null, project: ProjectRef, options: { archived?: boolean } = {}): Promise<QueueSummary[]> {
  authorize(actor, "read");
  const archived = options.archived ? Prisma.sql`q.archived_at IS NOT NULL` : Prisma.sql`q.archived_at IS NULL`;
  return summaries(Prisma.sql`q.project_id = ${project.id} AND ${archived}`, actor.userId);
}

/** The queues the reader may work, in every project, not archived (a reviewer's home). */
export async function myQueues(actor: Actor | null): Promise<QueueSummary[]> {
  authorize(actor, "read");
  if (!can(actor, "annotate") || !actor.userId) return [];
  const allowed = can(actor, "manage-queues")
    ? Prisma.sql`TRUE`
    : Prisma.sql`(q.open_to_all_reviewers OR EXISTS (SELECT 1 FROM queue_reviewers qr WHERE qr.queue_id = q.id AND qr.user_id = ${actor.userId}::uuid))`;
  return summaries(Prisma.sql`q.archived_at IS NULL AND ${allowed}`, actor.userId);
}
