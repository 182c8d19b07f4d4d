import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { ReviewListKind } from "@/lib/generated/prisma/enums";
import { REVIEW_LIST_MAX } from "./review-queue";

// Review mode walks a snapshot: the row ids of the filtered list, in order, taken
// when review mode opens. Labels that take a trace out of the filter (e.g. "not
// reviewed by me") then never shift the list under the reviewer's feet.

export type ReviewList = { id: string; projectId: number; kind: ReviewListKind; itemIds: number[]; capped: boolean; query: string };

// Old snapshots are dropped as new ones are made: a list is a working set, not a record.
const KEEP_DAYS = 30;

/** Freezes `ids` (at most REVIEW_LIST_MAX are kept; one more tells that the list was capped). */
export async function createReviewList(
  actor: Actor | null,
  project: { id: number },
  input: { kind: ReviewListKind; ids: number[]; query: string },
): Promise<ReviewList> {
  authorize(actor, "read");
  const capped = input.ids.length > REVIEW_LIST_MAX;
  await prisma.reviewList.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_DAYS * 86_400_000) } } });
  return prisma.reviewList.create({
    data: { projectId: project.id, userId: actor.userId, kind: input.kind, itemIds: input.ids.slice(0, REVIEW_LIST_MAX), capped, query: input.query },
    select: { id: true, projectId: true, kind: true, itemIds: true, capped: true, query: true },
  });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A list of this project. Anyone who may read the project may walk it (a lead
 * can hand a list to a reviewer by its link); "done by me" is the reader's own.
 * A list of another project is not found here.
 */
export async function getReviewList(actor: Actor | null, project: { id: number }, id: string): Promise<ReviewList> {
  authorize(actor, "read");
  const list = uuid.test(id)
    ? await prisma.reviewList.findFirst({
        where: { id, projectId: project.id },
        select: { id: true, projectId: true, kind: true, itemIds: true, capped: true, query: true },
      })
    : null;
  if (!list) throw new NotFoundError("This review list does not exist (lists are kept for 30 days).");
  return list;
}

export type ListPosition = {
  index: number;
  total: number;
  capped: boolean;
  currentId: number | null;
  previousIndex: number | null;
  nextIndex: number | null;
  doneByMe: number;
};

/** Where position `index` (clamped into the list) is, and how many of the list's items the reader has labelled or scored. */
export async function reviewListPosition(list: ReviewList, index: number, readerId: string | null): Promise<ListPosition> {
  const total = list.itemIds.length;
  const at = Math.min(Math.max(Number.isFinite(index) ? Math.trunc(index) : 0, 0), Math.max(total - 1, 0));
  return {
    index: at,
    total,
    capped: list.capped,
    currentId: list.itemIds[at] ?? null,
    previousIndex: at > 0 ? at - 1 : null,
    nextIndex: at + 1 < total ? at + 1 : null,
    doneByMe: await doneBy(list, readerId),
  };
}

// "Reviewed" means a label or score (not a note); on a trace that includes its spans and documents.
async function doneBy(list: ReviewList, readerId: string | null): Promise<number> {
  if (!readerId || list.itemIds.length === 0) return 0;
  const [row] = list.kind === "TRACE"
    ? await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(DISTINCT trace_row_id)::int AS n FROM annotations
        WHERE trace_row_id = ANY(${list.itemIds}::int[]) AND user_id = ${readerId}::uuid AND name <> 'note'`
    : await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(DISTINCT target_id)::int AS n FROM annotations
        WHERE target_type = 'SESSION' AND target_id = ANY(${list.itemIds}::int[]) AND user_id = ${readerId}::uuid AND name <> 'note'`;
  return row.n;
}
