import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getTraceDetailByRowId, type TraceDetail, type TraceSpan } from "@/lib/traces/get-trace-detail";
import { spanTreeRows } from "@/lib/traces/span-tree";
import { getReviewList, reviewListPosition, type ListPosition, type ReviewList } from "./review-lists";
import { loadTraceReview, type TraceReview } from "./trace-review";

/**
 * One position of a trace review list, everything review mode's screen shows
 * there: where it is in the list, the trace and the review panel of the
 * selected span. The page renders it on arrival; the route handler
 * (app/api/review/…) returns it as JSON so the browser can hold the neighbours
 * ahead of time and show them without a server round trip.
 */
export type TraceReviewItem = {
  listId: string;
  position: ListPosition;
  // The selected span (the requested one, else the root); null when the trace is gone or has no spans.
  selectedSpanId: string | null;
  trace: { detail: TraceDetail; review: TraceReview } | null;
};

/** The span shown: the requested one, else the root. An unknown id falls back to the root rather than 404ing a good trace. */
export function selectedSpan(spans: TraceSpan[], requestedSpanId: string | undefined): TraceSpan | undefined {
  return spans.find((span) => span.spanId === requestedSpanId) ?? spanTreeRows(spans)[0]?.span;
}

/** Position `index` of a trace list the reader may walk (getReviewList authorizes: 401 without an actor, 404 for another project's list). */
export async function loadTraceReviewItem(
  actor: Actor | null,
  project: { id: number; blindReview: boolean },
  listId: string,
  index: number,
  requestedSpanId?: string,
): Promise<TraceReviewItem> {
  const list = await getReviewList(actor, project, listId);
  if (list.kind !== "TRACE") throw new NotFoundError("This review list is not a list of traces.");
  return traceReviewItem(actor!, project, list, index, requestedSpanId);
}

/** The same, for a list already loaded (the page has it). Blind review holds: loadTraceReview applies it to every value shown. */
export async function traceReviewItem(
  actor: Actor,
  project: { id: number; blindReview: boolean },
  list: ReviewList,
  index: number,
  requestedSpanId?: string,
): Promise<TraceReviewItem> {
  const position = await reviewListPosition(list, index, actor.userId);
  const detail = position.currentId === null ? null : await getTraceDetailByRowId(project.id, position.currentId);
  if (!detail) return { listId: list.id, position, selectedSpanId: null, trace: null };
  const selected = selectedSpan(detail.spans, requestedSpanId);
  const review = await loadTraceReview(actor, project, detail.trace.id, selected);
  return { listId: list.id, position, selectedSpanId: selected?.spanId ?? null, trace: { detail, review } };
}
