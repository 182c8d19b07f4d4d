import type { QueueReviewStatus, QueueTargetKind } from "@/lib/generated/prisma/enums";

// The shapes the queue pages read. The domain (lib/queues/*) returns them;
// pages and route handlers never query the tables themselves.

export type { QueueReviewStatus, QueueTargetKind };

/** A queue in the project's queue list (and a reviewer's home). */
export type QueueSummary = {
  id: number;
  projectName: string;
  name: string;
  targetKind: QueueTargetKind;
  reviewsNeeded: number;
  dueAt: Date | null;
  archivedAt: Date | null;
  rule: string | null;
  itemCount: number;
  // Items with reviews_needed completed reviews.
  completeCount: number;
  // Items the reader could still claim (open, not done or skipped by them, not held by another).
  leftForMe: number;
  // Items the reader finished.
  doneByMe: number;
};

/** Everything about one queue the queue page and the work screen show. */
export type QueueDetail = {
  id: number;
  projectId: number;
  name: string;
  instructions: string;
  targetKind: QueueTargetKind;
  reviewsNeeded: number;
  claimTimeoutSeconds: number;
  dueAt: Date | null;
  archivedAt: Date | null;
  rule: string | null;
  openToAllReviewers: boolean;
  reviewers: { id: string; name: string; email: string }[];
  rubrics: { id: number; name: string; type: "CATEGORICAL" | "CONTINUOUS" | "FREEFORM" }[];
  createdAt: Date;
};

export type ReviewerProgress = { userId: string; name: string; email: string; done: number; skipped: number; inProgress: number };

/** Progress overall and per reviewer, each an aggregate in SQL. */
export type QueueProgress = {
  itemCount: number;
  completeCount: number;
  inProgressCount: number;
  // Sum over items of min(done_count, N), out of itemCount × N.
  reviewsDone: number;
  reviewsWanted: number;
  perReviewer: ReviewerProgress[];
};

export type QueueItemStatus = "open" | "in-progress" | "complete";

/** A row of the queue page's item table. */
export type QueueItemRow = {
  id: number;
  targetId: number;
  // What the target is called, and where it opens: trace id / span id + its trace / session id.
  target: { label: string; traceId: string | null; spanId: string | null; sessionId: string | null } | null;
  status: QueueItemStatus;
  doneCount: number;
  claimedBy: { id: string; name: string } | null;
  claimExpiresAt: Date | null;
  assignedTo: { id: string; name: string } | null;
  reviews: { userId: string; name: string; status: QueueReviewStatus; reason: string | null }[];
};

/** The item a reviewer works on now (claimed), or revisits (finished), on the work screen. */
export type WorkItem = {
  itemId: number;
  targetId: number;
  // The reader's relation to it.
  mine: "claimed" | QueueReviewStatus;
  claimExpiresAt: Date | null;
};
