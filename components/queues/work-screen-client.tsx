"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { TraceWorkspaceView } from "@/components/review/trace-workspace-view";
import { TraceHeader } from "@/components/trace/trace-header";
import { parseSpanTab } from "@/components/trace/trace-links";
import { TraceSkeleton } from "@/components/trace/trace-skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { submitAndClaimNextAction } from "@/app/projects/[projectName]/queues/[queueId]/work/actions";
import type { QueueDetail } from "@/lib/queues/queue-types";
import { paths } from "@/lib/url";
import { WorkBar } from "./work-bar";
import { workButton } from "./work-fields";
import { workNextQuery, workScreenKey, type WorkScreen } from "./work-queries";

const queueShortcuts = [
  { keys: ["Enter"], does: "Save everything, then submit this item once every queue rubric is given, and claim the next" },
  { keys: ["s"], does: "Skip this item, with a reason (it goes back to the queue)" },
];

type Props = {
  project: string;
  queue: QueueDetail;
  // What the server rendered, and for which `item`/`span` of the URL.
  initial: WorkScreen;
  initialRef: { item: string; span?: string };
};

// A trace or span queue's item, drawn in the browser from TanStack Query's
// cache. While the reviewer works an item, the item the next claim will
// probably hand out is fetched with its trace and review panel (work-next);
// Enter submits and claims (one server action answering with data, no page),
// and when the claim hands out that item it is drawn at once, the URL pushed.
// A different item (another reviewer took it), nothing left, Back to an item
// already submitted, a span link, a skip or release: the server renders the page.
export function WorkScreenClient({ project, queue, initial, initialRef }: Props) {
  const client = useQueryClient();
  const router = useRouter();
  const search = useSearchParams();
  const itemParam = search.get("item") ?? initialRef.item;
  const span = search.get("span") ?? undefined;
  const tab = parseSpanTab(search.get("tab") ?? undefined);
  const key = workScreenKey(project, queue.id, itemParam, span);

  const seeded = useRef<WorkScreen | null>(null);
  if (seeded.current !== initial) {
    seeded.current = initial;
    client.setQueryData(workScreenKey(project, queue.id, initialRef.item, initialRef.span), initial);
  }
  // Items submitted from this screen: what the cache holds of them is out of date.
  const submitted = useRef(new Set<number>());
  const query = useQuery<WorkScreen>({ queryKey: key, queryFn: skipToken, staleTime: Infinity });
  const screen = query.data && !submitted.current.has(query.data.item.itemId) ? query.data : undefined;
  useEffect(() => {
    if (!screen) router.refresh();
  }, [screen, router]);

  const claimed = screen?.item.mine === "claimed" ? screen.item.itemId : null;
  useEffect(() => {
    if (claimed !== null) void client.prefetchQuery(workNextQuery(project, queue.id, claimed));
  }, [client, project, queue.id, claimed]);

  if (!screen) return <TraceSkeleton />;
  const { item, view } = screen;
  const rubricIds = queue.rubrics.map((rubric) => rubric.id);
  const revisit = item.mine !== "claimed";
  const here = paths.queueWork(project, queue.id, item.itemId);
  const targetName = !view ? "" : view.kind === "SPAN" ? view.spanId ?? "" : view.detail.trace.traceId;

  const advance = async (): Promise<string | null> => {
    const outcome = await submitAndClaimNextAction({ project, queueId: queue.id, itemId: item.itemId }).catch(() => null);
    if (!outcome) return "The server could not be reached; nothing was submitted.";
    if (outcome.status === "error") return outcome.message;
    if (outcome.status !== "success" || !outcome.data) return null;
    const { next, standing, finished } = outcome.data;
    submitted.current.add(item.itemId);
    if (!next) {
      router.push(paths.queueWork(project, queue.id));
      return null;
    }
    const forecast = client.getQueryData(workNextQuery(project, queue.id, item.itemId).queryKey);
    const url = paths.queueWork(project, queue.id, next.itemId);
    if (forecast && forecast.itemId === next.itemId) {
      client.setQueryData(workScreenKey(project, queue.id, String(next.itemId), undefined), { item: next, standing, finished, view: forecast.view, now: Date.now() });
      window.history.pushState(null, "", url);
    } else {
      router.push(url);
    }
    return null;
  };

  return (
    <div data-queue-item={item.itemId} data-queue-target={targetName}>
      <WorkBar key={item.itemId} project={project} queue={queue} item={item} standing={screen.standing} finished={screen.finished} now={screen.now} complete={<SubmitAndNext onSubmit={advance} />} />
      {!view ? (
        <div className="px-4 py-8">
          <EmptyState title="This item's target is gone">It was deleted after it was queued: skip it or release it.</EmptyState>
        </div>
      ) : (
        <>
          <TraceHeader trace={view.detail.trace} />
          <TraceWorkspaceView
            key={item.itemId}
            detail={view.detail}
            review={view.review}
            selected={view.detail.spans.find((each) => each.spanId === view.selectedSpanId)}
            tab={tab}
            basePath={here}
            shortcuts={queueShortcuts}
            queue={{ rubricIds, revisit, spanId: view.spanId ?? undefined }}
          />
        </>
      )}
    </div>
  );
}

// "Submit and next": ReviewKeys presses it on Enter once every card is saved and
// every queue rubric given; the server checks the same again, and its refusal
// (a rubric missing, the claim lost) shows here.
function SubmitAndNext({ onSubmit }: { onSubmit: () => Promise<string | null> }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const submit = () => {
    setPending(true);
    setMessage(null);
    void onSubmit().then((refusal) => {
      setMessage(refusal);
      setPending(false);
    });
  };
  return (
    <div className="flex items-center gap-2">
      <button type="button" data-review-next aria-keyshortcuts="Enter" disabled={pending} onClick={submit} className={workButton.primary}>
        {pending ? "Submitting…" : "Submit and next (Enter)"}
      </button>
      <p role="status" aria-live="polite" className="max-w-md text-xs font-medium text-red-700">
        {message}
      </p>
    </div>
  );
}
