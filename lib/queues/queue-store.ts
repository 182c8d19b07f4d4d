import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QueueTargetKind } from "@/lib/generated/prisma/enums";
import { authorize, can, type Actor } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { AnnotationReader } from "@/lib/review/blind-review";
import { sessionIdsSql } from "@/lib/sessions/list-sessions";
import { parseSessionFilters } from "@/lib/sessions/session-filters";
import { sessionRubricFor } from "@/lib/sessions/session-rubric";
import { spanIdsSql } from "@/lib/spans/list-spans";
import { parseSpanFilters } from "@/lib/spans/span-filters";
import { traceIdsSql } from "@/lib/traces/list-traces";
import { parseTraceFilters } from "@/lib/traces/trace-filters";

// Shared by queues.ts, queue-items.ts and claims.ts: loading a queue of a
// project, who may work it, and the SELECT of a source's target ids.

export type ProjectRef = { id: number; blindReview: boolean };
type Tx = Prisma.TransactionClient;

export type QueueRow = {
  id: number;
  projectId: number;
  targetKind: QueueTargetKind;
  reviewsNeeded: number;
  claimTimeoutSeconds: number;
  openToAllReviewers: boolean;
  rule: string | null;
  archivedAt: Date | null;
};

const queueSelect = {
  id: true, projectId: true, targetKind: true, reviewsNeeded: true, claimTimeoutSeconds: true,
  openToAllReviewers: true, rule: true, archivedAt: true,
} as const;

/** The queue, if it belongs to the project; NotFound otherwise (another project's id says nothing). */
export async function loadQueue(project: ProjectRef, queueId: number, db: Tx | typeof prisma = prisma): Promise<QueueRow> {
  const queue = Number.isSafeInteger(queueId)
    ? await db.reviewQueue.findFirst({ where: { id: queueId, projectId: project.id }, select: queueSelect })
    : null;
  if (!queue) throw new NotFoundError(`Queue ${queueId} does not exist in this project.`);
  return queue;
}

type WorkerRow = QueueRow & { active: boolean | null; listed: boolean };

/** The queue (of the project) and what decides whether the reader may work it, in one query (claim-next does the same in queue_claim_next). */
export function workerCheckSql(project: ProjectRef, queueId: number, userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT q.id, q.project_id AS "projectId", q.target_kind AS "targetKind", q.reviews_needed AS "reviewsNeeded",
      q.claim_timeout_seconds AS "claimTimeoutSeconds", q.open_to_all_reviewers AS "openToAllReviewers", q.rule,
      q.archived_at AS "archivedAt",
      (SELECT u.deactivated_at IS NULL FROM users u WHERE u.id = ${userId}::uuid) AS active,
      EXISTS (SELECT 1 FROM queue_reviewers qr WHERE qr.queue_id = q.id AND qr.user_id = ${userId}::uuid) AS listed
    FROM review_queues q WHERE q.id = ${Number.isSafeInteger(queueId) ? queueId : 0} AND q.project_id = ${project.id}`;
}

/**
 * A queue's worker: a reviewer (or above) who is active and, when the queue
 * names its reviewers, one of them. Leads and admins may work any queue.
 */
export function assertWorker(actor: Actor, queueId: number, row: WorkerRow | undefined): QueueRow {
  if (!row) throw new NotFoundError(`Queue ${queueId} does not exist in this project.`);
  if (!row.active) throw new ForbiddenError("Your account is deactivated.");
  if (!row.openToAllReviewers && !can(actor, "manage-queues") && !row.listed) {
    throw new ForbiddenError("You are not one of this queue's reviewers.");
  }
  return {
    id: row.id, projectId: row.projectId, targetKind: row.targetKind, reviewsNeeded: row.reviewsNeeded,
    claimTimeoutSeconds: row.claimTimeoutSeconds, openToAllReviewers: row.openToAllReviewers, rule: row.rule, archivedAt: row.archivedAt,
  };
}

/** The signed-in worker's user id (reviewer role or above); 401/403 otherwise. */
export function workerId(actor: Actor | null): asserts actor is Actor & { userId: string } {
  authorize(actor, "annotate");
  if (!actor.userId) throw new ForbiddenError("Only a signed-in reviewer can work a queue.");
}

/** The queue and its worker (see assertWorker), in one query. */
export async function loadQueueForWorker(actor: Actor | null, project: ProjectRef, queueId: number): Promise<{ queue: QueueRow; userId: string }> {
  workerId(actor);
  const [row] = await prisma.$queryRaw<WorkerRow[]>(workerCheckSql(project, queueId, actor.userId));
  return { queue: assertWorker(actor, queueId, row), userId: actor.userId };
}

export type { WorkerRow };

export function assertNotArchived(queue: QueueRow): void {
  if (queue.archivedAt) throw new ForbiddenError("This queue is archived.");
}

// A list's query string as the list pages receive it.
function rawParams(query: string): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (key === "cursor" || key === "limit") continue;
    const seen = raw[key];
    raw[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return raw;
}

/** `SELECT <alias>.id …`: every target of the project the list query matches, unlimited. */
export async function listQueryIdsSql(projectId: number, kind: QueueTargetKind, query: string, reader: AnnotationReader): Promise<Prisma.Sql> {
  const raw = rawParams(query);
  if (kind === "TRACE") return traceIdsSql(projectId, parseTraceFilters(raw), reader);
  if (kind === "SPAN") return spanIdsSql(projectId, parseSpanFilters(raw));
  const filters = parseSessionFilters(raw);
  const rubric = await sessionRubricFor(projectId, filters.rubric);
  return sessionIdsSql(projectId, filters, { rubric, reader });
}

export const targetTable: Record<QueueTargetKind, Prisma.Sql> = {
  TRACE: Prisma.sql`traces`,
  SPAN: Prisma.sql`spans`,
  SESSION: Prisma.sql`sessions`,
};

/** Validates rubric ids: they exist, are attached to the project and apply to the target kind. */
export async function assertQueueRubrics(db: Tx, projectId: number, kind: QueueTargetKind, rubricIds: number[]): Promise<void> {
  const rubrics = await db.rubric.findMany({
    where: { id: { in: rubricIds } },
    select: { id: true, name: true, targets: true, archivedAt: true, projects: { where: { projectId }, select: { projectId: true } } },
  });
  const problems: string[] = [];
  for (const id of rubricIds) {
    const rubric = rubrics.find((r) => r.id === id);
    if (!rubric) problems.push(`rubric ${id} does not exist`);
    else if (rubric.projects.length === 0) problems.push(`${rubric.name} is not a rubric of this project`);
    else if (rubric.archivedAt) problems.push(`${rubric.name} is archived`);
    else if (!rubric.targets.includes(kind)) problems.push(`${rubric.name} does not apply to ${kind.toLowerCase()}s`);
  }
  if (problems.length) throw new ValidationError(`Invalid rubrics: ${problems.join("; ")}.`, { rubricIds: problems });
}

/** Validates reviewer ids: active users with the reviewer role or above. */
export async function assertReviewers(db: Tx, userIds: string[]): Promise<void> {
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, role: true, deactivatedAt: true } });
  const problems: string[] = [];
  for (const id of userIds) {
    const user = users.find((u) => u.id === id);
    if (!user) problems.push(`user ${id} does not exist`);
    else if (user.deactivatedAt) problems.push(`${user.email} is deactivated`);
    else if (user.role === "VIEWER") problems.push(`${user.email} is a viewer`);
  }
  if (problems.length) throw new ValidationError(`Invalid reviewers: ${problems.join("; ")}.`, { reviewerIds: problems });
}

export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
