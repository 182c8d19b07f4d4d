"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { clearInReviewAction, saveInReviewAction } from "@/app/projects/[projectName]/review/actions";
import { TraceHeader } from "@/components/trace/trace-header";
import { parseSpanTab } from "@/components/trace/trace-links";
import { TraceSkeleton } from "@/components/trace/trace-skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import type { TraceReviewItem } from "@/lib/review/review-item";
import type { ListPosition } from "@/lib/review/review-lists";
import { reviewItemQuery, reviewListKey, type ReviewItemRef } from "./review-item-query";
import { ReviewNavigator } from "./review-navigator";
import { ReviewSavedProvider } from "./review-saved";
import { TraceWorkspaceView } from "./trace-workspace-view";

const reviewShortcuts = [
  { keys: ["j", "→"], does: "Next trace (saves what is unsaved, without the label check of Enter)" },
  { keys: ["k", "←"], does: "Previous trace" },
];

type Props = {
  project: string;
  reviewPath: string;
  listHref: string;
  // What the server rendered this page with, and for which `i`/`span` of the URL.
  initial: TraceReviewItem;
  initialRef: ReviewItemRef;
};

// How many next positions are held ahead of the reviewer.
const AHEAD = 3;

const atIndex = (reviewPath: string, listId: string, index: number) => `${reviewPath}?list=${listId}&i=${index}`;

// Where position `index` is while its item loads, from what the last item said about the list.
function positionWhileLoading(index: number, known: ListPosition): ListPosition {
  const at = Math.min(Math.max(Number.isFinite(index) ? Math.trunc(index) : 0, 0), Math.max(known.total - 1, 0));
  return { ...known, index: at, currentId: null, previousIndex: at > 0 ? at - 1 : null, nextIndex: at + 1 < known.total ? at + 1 : null };
}

// Review mode over traces, rendered in the browser from TanStack Query's cache:
// the server renders the first position (and again after a save revalidates
// it); Enter/j/k push the next position's URL and the screen is drawn at once
// from the item fetched ahead of time, while the neighbours of the new
// position are fetched in turn. Back, Forward and a reload follow the URL.
export function TraceReviewClient({ project, reviewPath, listHref, initial, initialRef }: Props) {
  const client = useQueryClient();
  const search = useSearchParams();
  const { listId } = initialRef;
  const ref: ReviewItemRef = { project, listId, index: search.get("i") ?? "0", span: search.get("span") ?? undefined };
  const tab = parseSpanTab(search.get("tab") ?? undefined);

  // Each server render brings that position's item fresh (the first visit, a
  // span link, a save's revalidation): into the cache, before it is read below.
  const seeded = useRef<TraceReviewItem | null>(null);
  if (seeded.current !== initial) {
    seeded.current = initial;
    client.setQueryData(reviewItemQuery(initialRef).queryKey, initial);
  }
  const query = useQuery(reviewItemQuery(ref));
  const item = query.data;
  // An item read before the reader's last save (fetched ahead, or in flight
  // while they saved: its done-by-me is behind) is read again once shown.
  const savedAt = useRef(0);
  const requestedAt = item?.requestedAt ?? 0;
  const itemKey = reviewItemQuery(ref).queryKey;
  useEffect(() => {
    if (item && requestedAt < savedAt.current) void client.refetchQueries({ queryKey: itemKey, exact: true });
    // itemKey is a new array each render: its parts are the dependencies.
  }, [client, item, requestedAt, project, listId, ref.index, ref.span]);
  const lastPosition = useRef(initial.position);
  if (item) lastPosition.current = item.position;
  const position = item?.position ?? positionWhileLoading(Number(ref.index), lastPosition.current);

  // The neighbours, ahead of time (a fresh one in the cache is not fetched
  // again): the previous one and the next AHEAD, so j pressed the moment a
  // trace shows finds the next one already here, fetched a step or two before.
  const { previousIndex, nextIndex, total } = position;
  useEffect(() => {
    const ahead = nextIndex === null ? [] : Array.from({ length: AHEAD }, (_, n) => nextIndex + n).filter((index) => index < total);
    for (const index of [...ahead, ...(previousIndex === null ? [] : [previousIndex])]) {
      void client.prefetchQuery(reviewItemQuery({ project, listId, index: String(index) }));
    }
  }, [client, project, listId, previousIndex, nextIndex, total]);

  // A save: the item on screen is fetched again (its panel, blind review's
  // values now shown); done-by-me moved on every position, so the others are
  // marked stale and refetched when shown, from the cache meanwhile.
  const saved = useMemo(
    () => ({
      onSaved: () => {
        savedAt.current = Date.now();
        void client.invalidateQueries({ queryKey: reviewListKey(project, listId), refetchType: "active" });
      },
      save: saveInReviewAction,
      clear: clearInReviewAction,
    }),
    [client, project, listId],
  );

  const follow = (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // Next keeps useSearchParams in step with pushState; Back and reload read the same URL.
    window.history.pushState(null, "", event.currentTarget.href);
  };

  const here = atIndex(reviewPath, listId, position.index);
  return (
    <div>
      <ReviewNavigator
        previousHref={previousIndex === null ? null : atIndex(reviewPath, listId, previousIndex)}
        nextHref={nextIndex === null ? null : atIndex(reviewPath, listId, nextIndex)}
        listHref={listHref}
        position={position.index + 1}
        total={`${position.total}${position.capped ? "+" : ""}`}
        doneByMe={position.doneByMe}
        noun="trace"
        onFollow={follow}
      />
      {!item ? (
        query.isError ? (
          <div className="px-4 py-8">
            <EmptyState title="This trace could not be loaded">Reload the page, or go on to the next one.</EmptyState>
          </div>
        ) : (
          <TraceSkeleton />
        )
      ) : item.trace ? (
        <ReviewSavedProvider value={saved}>
          <TraceHeader trace={item.trace.detail.trace} />
          <TraceWorkspaceView
            key={item.trace.detail.trace.traceId}
            detail={item.trace.detail}
            review={item.trace.review}
            selected={item.trace.detail.spans.find((span) => span.spanId === item.selectedSpanId)}
            tab={tab}
            basePath={here}
            shortcuts={reviewShortcuts}
          />
        </ReviewSavedProvider>
      ) : (
        <div className="px-4 py-8">
          <EmptyState title="This trace is gone">It was deleted after the list was made; go on to the next one.</EmptyState>
        </div>
      )}
    </div>
  );
}
