import { queryOptions } from "@tanstack/react-query";
import type { TraceReviewItem } from "@/lib/review/review-item";
import { parseWithDates } from "@/lib/review/review-json";

// Review mode's items in the browser's TanStack Query cache, keyed by the list
// and the position's `i` (and `span`) exactly as the URL spells them, so a
// screen reached by Enter/j/k, Back or a reload finds the same entry.

export type ReviewItemRef = { project: string; listId: string; index: string; span?: string };

export const reviewListKey = (project: string, listId: string) => ["review-item", project, listId] as const;

export const reviewItemKey = ({ project, listId, index, span }: ReviewItemRef) => [...reviewListKey(project, listId), index, span ?? null] as const;

const itemUrl = ({ project, listId, index, span }: ReviewItemRef) =>
  `/api/review/${encodeURIComponent(project)}/lists/${listId}/items/${encodeURIComponent(index)}${span ? `?span=${encodeURIComponent(span)}` : ""}`;

// `requestedAt`: when the request left, so the screen can tell an answer read before the last save.
export type CachedReviewItem = TraceReviewItem & { requestedAt?: number };

async function fetchReviewItem(ref: ReviewItemRef): Promise<CachedReviewItem> {
  const requestedAt = Date.now();
  const response = await fetch(itemUrl(ref), { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`review item ${ref.index}: ${response.status}`);
  return { ...parseWithDates<TraceReviewItem>(await response.text()), requestedAt };
}

// Fresh for a minute: a neighbour fetched ahead of time is shown as it is, and
// a save marks the list's items stale (done-by-me moved) so they refetch behind the screen.
export const reviewItemQuery = (ref: ReviewItemRef) =>
  queryOptions({ queryKey: reviewItemKey(ref), queryFn: () => fetchReviewItem(ref), staleTime: 60_000, refetchOnWindowFocus: false });
