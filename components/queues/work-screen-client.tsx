"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { submitAndClaimNextAction } from "@/app/projects/[projectName]/queues/[queueId]/work/actions";
import { clearInReviewAction, saveInReviewAction } from "@/app/projects/[projectName]/review/actions";
import { moving, settleMove } from "@/components/review/key-buffer";
import { showReviewNotice } from "@/components/review/review-notice";
import { ReviewSavedProvider, type ReviewSaving } from "@/components/review/review-saved";
import { TraceWorkspaceView } from "@/components/review/trace-workspace-view";
import { TraceHeader } from "@/components/trace/trace-header";
import { parseSpanTab } from "@/components/trace/trace-links";
import { TraceSkeleton } from "@/components/trace/trace-skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { ClaimGate } from "@/lib/queues/claim-gate";
import type { QueueDetail } from "@/lib/queues/queue-types";
import type { FinishedWorkItem, WorkTraceView } from "@/lib/queues/work-screen";
import { paths } from "@/lib/url";
import { WorkBar } from "./work-bar";
import { workButton } from "./work-fields";
import { fetchWorkItemView, workAheadQuery, workScreenKey, type WorkAhead, type WorkScreen } from "./work-queries";

const queueShortcuts = [
  { keys: ["Enter"], does: "Save everything, then submit this item once every queue rubric is given, and claim the next" },
  { keys: ["s"], does: "Skip this item, with a reason (it goes back to the queue)" },
];

// The item held ahead is drawn on Enter only while its claim has this long to run (else: wait for the server).
const FRESH_MS = 60_000;

type Props = {
  project: string;
  queue: QueueDetail;
  // What the server rendered, and for which `item`/`span` of the URL.
  initial: WorkScreen;
  initialRef: { item: string; span?: string };
};

// The bar's name for an item just submitted, until the server's list replaces it.
function finishedEntry(itemId: number, targetId: number, view: WorkTraceView | null): FinishedWorkItem {
  const span = view?.spanId ? view.detail.spans.find((each) => each.spanId === view.spanId) : undefined;
  const label = !view ? "(deleted)" : span ? `${span.name} ${span.spanId.slice(0, 8)}` : `${view.detail.trace.rootSpanName ?? "trace"} ${view.detail.trace.traceId.slice(0, 8)}`;
  return { itemId, targetId, status: "DONE", label };
}

const itemInUrl = () => new URLSearchParams(window.location.search).get("item");

// A trace or span queue's item, drawn in the browser from TanStack Query's
// cache. While the reviewer works an item they hold, their next item is claimed
// ahead (a real claim in the database: lib/queues/claims.ts claimAhead) and
// fetched with its trace and review panel; Enter draws it at once (URL pushed)
// while the submit runs, whose claim-next hands that very claim back. Labels
// given before the submit confirms it are held (ClaimGate) and sent on
// confirmation; if the submit is refused, or hands out another item (the one
// held ahead was lost), they are discarded, the screen says so and shows what
// the server says. With nothing held ahead, a span link, Back to an item
// already submitted, a skip or release: the server renders the page.
export function WorkScreenClient({ project, queue, initial, initialRef }: Props) {
  const client = useQueryClient();
  const router = useRouter();
  const search = useSearchParams();
  const itemParam = search.get("item") ?? initialRef.item;
  const span = search.get("span") ?? undefined;
  const tab = parseSpanTab(search.get("tab") ?? undefined);
  const key = workScreenKey(project, queue.id, itemParam, span);

  // Items submitted from this screen: what the cache holds of them is out of date.
  const submitted = useRef(new Set<number>());
  // Items drawn ahead whose claim did not come true: shown until the server's page replaces them, then out of date.
  const lost = useRef(new Set<number>());
  const confirming = useRef<{ from: number; drawn: number } | null>(null);
  const gate = useRef<ClaimGate>(null);
  gate.current ??= new ClaimGate();
  const seeded = useRef<WorkScreen | null>(null);
  if (seeded.current !== initial) {
    // A server render is the truth about its item, submitted or not.
    seeded.current = initial;
    for (const id of lost.current) submitted.current.add(id);
    lost.current.clear();
    submitted.current.delete(initial.item.itemId);
    gate.current.forget(initial.item.itemId);
    client.setQueryData(workScreenKey(project, queue.id, initialRef.item, initialRef.span), initial);
  }
  const query = useQuery<WorkScreen>({ queryKey: key, queryFn: skipToken, staleTime: Infinity });
  const screen = query.data && !submitted.current.has(query.data.item.itemId) ? query.data : undefined;
  useEffect(() => {
    if (!screen) router.refresh();
  }, [screen, router]);

  // Claim the next item ahead once this one is confirmed mine.
  const held = screen && screen.item.mine === "claimed" && !screen.pending ? screen.item.itemId : null;
  useEffect(() => {
    if (held !== null) void client.prefetchQuery(workAheadQuery(project, queue.id, held));
  }, [client, project, queue.id, held]);

  const itemId = screen?.item.itemId ?? 0;
  // Saves that skip the page's re-render (the screen is drawn from the cache), held while the item's claim is unconfirmed.
  // After one, the item's view is read again into the cache (its annotations; others' values under blind review).
  const saving = useMemo<ReviewSaving>(() => {
    const refused = (reason: string) => ({ status: "error" as const, message: reason });
    const screenKey = workScreenKey(project, queue.id, String(itemId), span);
    return {
      onSaved: () => {
        void fetchWorkItemView(project, queue.id, itemId, span)
          .then((view) => {
            // Once the reviewer moves on, the item left is not redrawn: a render of it would hold up the next one's draw.
            if (!view || moving() || submitted.current.has(itemId)) return;
            client.setQueryData<WorkScreen>(screenKey, (old) => (old ? { ...old, view } : old));
          })
          .catch(() => {});
      },
      save: (input) => gate.current!.run(itemId, () => saveInReviewAction(input), refused),
      clear: (annotationId) => gate.current!.run(itemId, () => clearInReviewAction(annotationId), refused),
    };
  }, [client, project, queue.id, itemId, span]);

  // The submit of `from`, once `drawn` (held ahead) is on screen: confirm it, or set the screen right.
  const confirm = useCallback(async (from: number, drawn: number) => {
    const at = (id?: number) => paths.queueWork(project, queue.id, id);
    const outcome = await submitAndClaimNextAction({ project, queueId: queue.id, itemId: from }).catch(() => null);
    const onScreen = itemInUrl() === String(drawn);
    if (outcome?.status === "success" && outcome.data) {
      const { next, standing, finished, ahead } = outcome.data;
      if (next?.itemId === drawn) {
        client.setQueryData(workAheadQuery(project, queue.id, drawn).queryKey, ahead);
        client.setQueryData<WorkScreen>(workScreenKey(project, queue.id, String(drawn), undefined), (old) => old && { ...old, item: next, standing, finished, now: Date.now(), pending: false });
        gate.current!.settle(drawn, { ok: true });
        return;
      }
      // Keys still held for the item drawn (not on screen yet) go with it: never onto the item claimed.
      const typed = gate.current!.held(drawn) + settleMove("discard").length;
      gate.current!.settle(drawn, { ok: false, reason: `Not saved: item ${drawn} was no longer held for you.` });
      lost.current.add(drawn);
      showReviewNotice(`Item ${drawn} was no longer held for you (its claim ran out, or another reviewer or tab took it)${next ? ": here is your next item instead" : ""}.${typed ? " What you typed on it was not saved." : ""}`);
      if (onScreen) router.replace(at(next?.itemId));
      return;
    }
    // Not submitted: back to that item, as the server has it now, and say why.
    const reason = !outcome ? "The server could not be reached." : outcome.status === "error" ? outcome.message : "It was not submitted.";
    const typed = gate.current!.held(drawn) + settleMove("discard").length;
    gate.current!.settle(drawn, { ok: false, reason: `Not saved: item ${from} was not submitted.` });
    lost.current.add(drawn);
    showReviewNotice(`Item ${from} was not submitted: ${reason}${typed ? " What you typed on the next item was not saved." : ""}`);
    if (onScreen) router.replace(at(from));
  }, [client, project, queue.id, router]);

  // The submit starts once the item drawn is committed: a server action under
  // way holds back the router's transitions (the URL pushed), so started with
  // the draw it would delay the draw by its round trip. A timer in case the
  // draw never commits (the reviewer went elsewhere at once): it is still submitted.
  const drawnItem = screen?.item.itemId;
  useEffect(() => {
    const waiting = confirming.current;
    if (waiting && drawnItem === waiting.drawn) {
      confirming.current = null;
      void confirm(waiting.from, waiting.drawn);
    }
  });
  const confirmOnceDrawn = (from: number, drawn: number) => {
    const waiting = { from, drawn };
    confirming.current = waiting;
    setTimeout(() => {
      if (confirming.current !== waiting) return;
      confirming.current = null;
      void confirm(from, drawn);
    }, 500);
  };

  if (!screen) return <TraceSkeleton />;
  const { item, view } = screen;
  const rubricIds = queue.rubrics.map((rubric) => rubric.id);
  const revisit = item.mine !== "claimed";
  const here = paths.queueWork(project, queue.id, item.itemId);
  const targetName = !view ? "" : view.kind === "SPAN" ? view.spanId ?? "" : view.detail.trace.traceId;
  const at = (id: number) => paths.queueWork(project, queue.id, id);

  const advance = async (): Promise<string | null> => {
    // An item drawn ahead of its claim's confirmation: that first, then the labels given on it.
    const confirmed = await gate.current!.whenConfirmed(item.itemId);
    if (!confirmed.ok) return null;
    await gate.current!.settled(item.itemId);
    const aheadQuery = workAheadQuery(project, queue.id, item.itemId);
    // Asked for when this item was confirmed; still on its way, it is waited for.
    const ahead: WorkAhead = await client.fetchQuery(aheadQuery).catch(() => null);
    const expires = ahead?.item.claimExpiresAt?.getTime() ?? 0;
    if (ahead && expires > Date.now() + FRESH_MS) {
      const next = ahead.item.itemId;
      submitted.current.add(item.itemId);
      submitted.current.delete(next);
      lost.current.delete(next);
      gate.current!.expect(next);
      const drawn: WorkScreen = {
        item: ahead.item,
        view: ahead.view,
        standing: { ...screen.standing, remaining: Math.max(0, screen.standing.remaining - 1), mine: next },
        finished: [finishedEntry(item.itemId, item.targetId, view), ...screen.finished],
        now: Date.now(),
        pending: true,
      };
      client.setQueryData(workScreenKey(project, queue.id, String(next), undefined), drawn);
      window.history.pushState(null, "", at(next));
      confirmOnceDrawn(item.itemId, next);
      return null;
    }
    // Nothing held ahead: the server's answer decides what comes next.
    const outcome = await submitAndClaimNextAction({ project, queueId: queue.id, itemId: item.itemId }).catch(() => null);
    if (!outcome) return "The server could not be reached; nothing was submitted.";
    if (outcome.status === "error") return outcome.message;
    if (outcome.status !== "success" || !outcome.data) return null;
    submitted.current.add(item.itemId);
    const { next, ahead: after } = outcome.data;
    if (next) client.setQueryData(workAheadQuery(project, queue.id, next.itemId).queryKey, after);
    else settleMove("drop");
    router.push(next ? at(next.itemId) : paths.queueWork(project, queue.id));
    return null;
  };

  return (
    <div data-queue-item={item.itemId} data-queue-target={targetName} data-queue-pending={screen.pending ? "" : undefined}>
      <WorkBar key={item.itemId} project={project} queue={queue} item={item} standing={screen.standing} finished={screen.finished} now={screen.now} complete={<SubmitAndNext onSubmit={advance} />} />
      {!view ? (
        <div className="px-4 py-8">
          <EmptyState title="This item's target is gone">It was deleted after it was queued: skip it or release it.</EmptyState>
        </div>
      ) : (
        <ReviewSavedProvider value={saving}>
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
        </ReviewSavedProvider>
      )}
    </div>
  );
}

// "Submit and next": ReviewKeys presses it on Enter once every card is saved and
// every queue rubric given; the server checks the same again, and its refusal
// (a rubric missing, the claim lost) shows here, the keys typed since played
// back on this item, which stays.
function SubmitAndNext({ onSubmit }: { onSubmit: () => Promise<string | null> }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const submit = () => {
    setPending(true);
    setMessage(null);
    void onSubmit().then((refusal) => {
      if (refusal) settleMove("replay");
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
