import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QueueReviewStatus } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { annotationReader, type AnnotationReader } from "@/lib/review/blind-review";
import {
  itemFiltersSchema, itemIdsSchema, parseInput, queueSourceSchema, type ItemFilters, type QueueSource,
} from "./queue-schemas";
import {
  assertReviewers, listQueryIdsSql, loadQueue, targetTable, type ProjectRef, type QueueRow,
} from "./queue-store";
import type { QueueItemRow, QueueItemStatus, QueueProgress, ReviewerProgress } from "./queue-types";

// A queue's items: adding (ids, a filtered list, a rule kept filling), removing,
// assigning, the item table and progress. Writes need 'manage-queues'.

type Tx = Prisma.TransactionClient;
type Db = Tx | typeof prisma;

// A rule queue is refilled at most this often, whoever asks (claims, the queue page).
export const RULE_FILL_INTERVAL_SECONDS = 30;

// A rule is evaluated as someone who sees every value (its author is a lead).
const ruleReader: AnnotationReader = { userId: null, seesAll: true };

/** Inserts every target of `idsSql` (a `SELECT id …`) into the queue: one INSERT … SELECT … ON CONFLICT DO NOTHING. */
async function insertTargets(db: Db, queueId: number, idsSql: Prisma.Sql): Promise<{ added: number; already: number }> {
  const [row] = await db.$queryRaw<{ matched: number; added: number }[]>`
    WITH m AS (${idsSql}),
    ins AS (
      INSERT INTO queue_items (queue_id, target_id)
      SELECT ${queueId}, m.id FROM m
      ON CONFLICT (queue_id, target_id) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM m)::int AS matched, (SELECT count(*) FROM ins)::int AS added`;
  return { added: row.added, already: row.matched - row.added };
}

/** The SELECT of a source's target ids, for the queue's project and kind. */
export async function sourceIdsSql(queue: Pick<QueueRow, "projectId" | "targetKind">, source: ReturnType<typeof queueSourceSchema.parse>, reader: AnnotationReader): Promise<Prisma.Sql> {
  if (source.kind === "ids") {
    return Prisma.sql`SELECT x.id FROM ${targetTable[queue.targetKind]} x WHERE x.project_id = ${queue.projectId} AND x.id = ANY(${source.ids}::int[])`;
  }
  return listQueryIdsSql(queue.projectId, queue.targetKind, source.query, source.kind === "rule" ? ruleReader : reader);
}

/** Adds items from a source (one statement); a rule source also becomes the queue's rule. */
export async function addItemsTo(db: Db, queue: QueueRow, source: ReturnType<typeof queueSourceSchema.parse>, reader: AnnotationReader) {
  const result = await insertTargets(db, queue.id, await sourceIdsSql(queue, source, reader));
  if (source.kind === "rule") {
    await db.reviewQueue.update({ where: { id: queue.id }, data: { rule: source.query, ruleFilledAt: new Date() } });
  }
  return result;
}

export async function addItems(actor: Actor | null, project: ProjectRef, queueId: number, source: QueueSource): Promise<{ added: number; already: number }> {
  authorize(actor, "manage-queues");
  const parsed = parseInput(queueSourceSchema, source);
  const queue = await loadQueue(project, queueId);
  return addItemsTo(prisma, queue, parsed, annotationReader(actor, project));
}

/**
 * Adds a rule queue's new matches. Throttled through rule_filled_at: the one
 * UPDATE that moves it decides who fills, so two app processes never both do.
 * Returns how many items were added (0 when throttled or not a rule queue).
 */
export async function fillFromRule(queueId: number): Promise<number> {
  const [queue] = await prisma.$queryRaw<{ projectId: number; targetKind: QueueRow["targetKind"]; rule: string }[]>`
    UPDATE review_queues SET rule_filled_at = now()
    WHERE id = ${queueId} AND rule IS NOT NULL AND archived_at IS NULL
      AND (rule_filled_at IS NULL OR rule_filled_at < now() - ${Prisma.raw(`interval '${RULE_FILL_INTERVAL_SECONDS} seconds'`)})
    RETURNING project_id AS "projectId", target_kind AS "targetKind", rule`;
  if (!queue) return 0;
  const idsSql = await listQueryIdsSql(queue.projectId, queue.targetKind, queue.rule, ruleReader);
  return (await insertTargets(prisma, queueId, idsSql)).added;
}

/** Removes items (and their reviews); the annotations written stay on the targets. */
export async function removeItems(actor: Actor | null, project: ProjectRef, queueId: number, itemIds: number[]): Promise<{ removed: number }> {
  authorize(actor, "manage-queues");
  const ids = parseInput(itemIdsSchema, itemIds);
  const queue = await loadQueue(project, queueId);
  const { count } = await prisma.queueItem.deleteMany({ where: { queueId: queue.id, id: { in: ids } } });
  return { removed: count };
}

/** Reserves items for one reviewer (null: unassigns). Another reviewer's claim on them is released. */
export async function assignItems(actor: Actor | null, project: ProjectRef, queueId: number, itemIds: number[], userId: string | null): Promise<{ assigned: number }> {
  authorize(actor, "manage-queues");
  const ids = parseInput(itemIdsSchema, itemIds);
  const queue = await loadQueue(project, queueId);
  return prisma.$transaction(async (tx) => {
    if (userId !== null) {
      await assertReviewers(tx, [userId]);
      if (!queue.openToAllReviewers) {
        const member = await tx.queueReviewer.findUnique({ where: { queueId_userId: { queueId: queue.id, userId } } });
        const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
        if (!member && user.role === "REVIEWER") throw new ValidationError("That reviewer may not work this queue.", { userId: ["may not work this queue"] });
      }
    }
    const count = await tx.$executeRaw`
      UPDATE queue_items SET assigned_to_id = ${userId}::uuid,
        claimed_by_id = CASE WHEN ${userId}::uuid IS NOT NULL AND claimed_by_id <> ${userId}::uuid THEN NULL ELSE claimed_by_id END,
        claimed_at = CASE WHEN ${userId}::uuid IS NOT NULL AND claimed_by_id <> ${userId}::uuid THEN NULL ELSE claimed_at END,
        claim_expires_at = CASE WHEN ${userId}::uuid IS NOT NULL AND claimed_by_id <> ${userId}::uuid THEN NULL ELSE claim_expires_at END
      WHERE queue_id = ${queue.id} AND id = ANY(${ids}::int[])`;
    return { assigned: count };
  });
}

const freshClaim = Prisma.sql`i.claimed_by_id IS NOT NULL AND i.claim_expires_at > now()`;

function statusCondition(status: QueueItemStatus): Prisma.Sql {
  if (status === "complete") return Prisma.sql`i.completed_at IS NOT NULL`;
  if (status === "in-progress") return Prisma.sql`i.completed_at IS NULL AND ${freshClaim}`;
  return Prisma.sql`i.completed_at IS NULL AND NOT (${freshClaim})`;
}

// What each kind of target is called and where it opens.
const targetColumns = {
  TRACE: Prisma.sql`LEFT JOIN LATERAL (SELECT t.trace_id AS label, t.trace_id AS "traceId", NULL::text AS "spanId", NULL::text AS "sessionId"
    FROM traces t WHERE t.id = i.target_id) x ON TRUE`,
  SPAN: Prisma.sql`LEFT JOIN LATERAL (SELECT s.name || ' · ' || s.span_id AS label, t.trace_id AS "traceId", s.span_id AS "spanId", NULL::text AS "sessionId"
    FROM spans s JOIN traces t ON t.id = s.trace_row_id WHERE s.id = i.target_id) x ON TRUE`,
  SESSION: Prisma.sql`LEFT JOIN LATERAL (SELECT s.session_id AS label, NULL::text AS "traceId", NULL::text AS "spanId", s.session_id AS "sessionId"
    FROM sessions s WHERE s.id = i.target_id) x ON TRUE`,
} as const;

type ItemSqlRow = {
  id: number; targetId: number; completedAt: Date | null; doneCount: number; claimExpiresAt: Date | null;
  claimedById: string | null; claimedByName: string | null; assignedToId: string | null; assignedToName: string | null;
  label: string | null; traceId: string | null; spanId: string | null; sessionId: string | null;
  reviews: { userId: string; name: string; status: QueueReviewStatus; reason: string | null }[];
};

/** The queue page's item table: by id, keyset on the last id, filtered by status and reviewer. */
export async function listItems(actor: Actor | null, project: ProjectRef, queueId: number, filters: ItemFilters): Promise<{ rows: QueueItemRow[]; nextCursor: number | null }> {
  authorize(actor, "read");
  const { status, reviewer, cursor, limit } = parseInput(itemFiltersSchema, filters);
  const queue = await loadQueue(project, queueId);
  const conditions = [Prisma.sql`i.queue_id = ${queue.id}`];
  if (cursor !== undefined) conditions.push(Prisma.sql`i.id > ${cursor}`);
  if (status) conditions.push(statusCondition(status));
  if (reviewer) {
    conditions.push(Prisma.sql`(i.assigned_to_id = ${reviewer}::uuid OR (i.claimed_by_id = ${reviewer}::uuid AND i.claim_expires_at > now())
      OR EXISTS (SELECT 1 FROM queue_reviews r WHERE r.item_id = i.id AND r.user_id = ${reviewer}::uuid))`);
  }
  const rows = await prisma.$queryRaw<ItemSqlRow[]>`
    SELECT i.id, i.target_id AS "targetId", i.completed_at AS "completedAt", i.done_count AS "doneCount",
      CASE WHEN ${freshClaim} THEN i.claim_expires_at END AS "claimExpiresAt",
      CASE WHEN ${freshClaim} THEN i.claimed_by_id::text END AS "claimedById", cu.name AS "claimedByName",
      i.assigned_to_id::text AS "assignedToId", au.name AS "assignedToName",
      x.label, x."traceId", x."spanId", x."sessionId",
      coalesce((SELECT json_agg(json_build_object('userId', r.user_id, 'name', u.name, 'status', r.status, 'reason', r.reason) ORDER BY r.created_at)
        FROM queue_reviews r JOIN users u ON u.id = r.user_id WHERE r.item_id = i.id), '[]'::json) AS reviews
    FROM queue_items i
    LEFT JOIN users cu ON cu.id = i.claimed_by_id AND ${freshClaim}
    LEFT JOIN users au ON au.id = i.assigned_to_id
    ${targetColumns[queue.targetKind]}
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY i.id
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  return {
    rows: page.map((row) => ({
      id: row.id,
      targetId: row.targetId,
      target: row.label === null && row.traceId === null && row.sessionId === null
        ? null
        : { label: row.label ?? "", traceId: row.traceId, spanId: row.spanId, sessionId: row.sessionId },
      status: row.completedAt ? "complete" : row.claimedById ? "in-progress" : "open",
      doneCount: row.doneCount,
      claimedBy: row.claimedById ? { id: row.claimedById, name: row.claimedByName ?? "" } : null,
      claimExpiresAt: row.claimExpiresAt,
      assignedTo: row.assignedToId ? { id: row.assignedToId, name: row.assignedToName ?? "" } : null,
      reviews: row.reviews,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}

/** Progress overall and per reviewer, aggregated in SQL. */
export async function queueProgress(actor: Actor | null, project: ProjectRef, queueId: number): Promise<QueueProgress> {
  authorize(actor, "read");
  const queue = await loadQueue(project, queueId);
  const [totals] = await prisma.$queryRaw<{ itemCount: number; completeCount: number; inProgressCount: number; reviewsDone: number }[]>`
    SELECT count(*)::int AS "itemCount",
      count(*) FILTER (WHERE i.completed_at IS NOT NULL)::int AS "completeCount",
      count(*) FILTER (WHERE i.completed_at IS NULL AND ${freshClaim})::int AS "inProgressCount",
      coalesce(sum(least(i.done_count, ${queue.reviewsNeeded})), 0)::int AS "reviewsDone"
    FROM queue_items i WHERE i.queue_id = ${queue.id}`;
  // Everyone who did something on the queue, and its named reviewers.
  const perReviewer = await prisma.$queryRaw<ReviewerProgress[]>`
    WITH reviews AS (
      SELECT r.user_id,
        count(*) FILTER (WHERE r.status = 'DONE')::int AS done,
        count(*) FILTER (WHERE r.status = 'SKIPPED')::int AS skipped
      FROM queue_reviews r JOIN queue_items i ON i.id = r.item_id
      WHERE i.queue_id = ${queue.id}
      GROUP BY r.user_id
    ), claims AS (
      SELECT i.claimed_by_id AS user_id, count(*)::int AS n
      FROM queue_items i
      WHERE i.queue_id = ${queue.id} AND i.completed_at IS NULL AND ${freshClaim}
      GROUP BY i.claimed_by_id
    ), people AS (
      SELECT user_id FROM reviews UNION SELECT user_id FROM claims
      UNION SELECT user_id FROM queue_reviewers WHERE queue_id = ${queue.id}
    )
    SELECT u.id AS "userId", u.name, u.email, coalesce(r.done, 0) AS done, coalesce(r.skipped, 0) AS skipped,
      coalesce(c.n, 0) AS "inProgress"
    FROM people p JOIN users u ON u.id = p.user_id
    LEFT JOIN reviews r ON r.user_id = p.user_id
    LEFT JOIN claims c ON c.user_id = p.user_id
    ORDER BY coalesce(r.done, 0) DESC, u.name`;
  return {
    ...totals,
    reviewsWanted: totals.itemCount * queue.reviewsNeeded,
    perReviewer,
  };
}

/** NotFound unless the item is in the queue. */
export async function assertItemOfQueue(queueId: number, itemId: number): Promise<void> {
  const item = Number.isSafeInteger(itemId) ? await prisma.queueItem.findFirst({ where: { id: itemId, queueId }, select: { id: true } }) : null;
  if (!item) throw new NotFoundError(`Item ${itemId} is not in this queue.`);
}
