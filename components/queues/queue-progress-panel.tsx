"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { ListTable } from "@/components/ui/list-table";
import type { QueueProgress } from "@/lib/queues/queue-types";
import { fetchJson, POLL_MS, queuesApi } from "./fetch-json";
import { ProgressBar } from "./queue-progress-bar";

const reviewerColumns = [
  { label: "Reviewer" },
  { label: "Done", className: "w-24 text-right" },
  { label: "Skipped", className: "w-24 text-right" },
  { label: "In progress", className: "w-28 text-right" },
];

/**
 * Progress overall and per reviewer, polled while the page is open. When it
 * moves, the server-rendered item table below is refreshed too (router.refresh
 * keeps this page's client state, the selection included).
 */
export function QueueProgressPanel({ projectName, queueId, initial }: { projectName: string; queueId: number; initial: QueueProgress }) {
  const router = useRouter();
  const { data: progress } = useQuery({
    queryKey: ["queue-progress", projectName, queueId],
    queryFn: () => fetchJson<QueueProgress>(`${queuesApi(projectName)}/${queueId}/progress`),
    initialData: initial,
    refetchInterval: POLL_MS,
  });
  const signature = JSON.stringify(progress);
  const shown = useRef(signature);
  useEffect(() => {
    if (shown.current === signature) return;
    shown.current = signature;
    router.refresh();
  }, [signature, router]);

  return (
    <section aria-labelledby="queue-progress" className="space-y-3">
      <h2 id="queue-progress" className="text-sm font-semibold text-zinc-900">
        Progress
      </h2>
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="text-xs text-zinc-500">Items complete</dt>
          <dd data-testid="items-complete" className="text-base font-semibold tabular-nums text-zinc-900">
            {progress.completeCount} / {progress.itemCount}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Reviews done</dt>
          <dd className="pt-1">
            <ProgressBar done={progress.reviewsDone} total={progress.reviewsWanted} label="Reviews done" />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">In progress</dt>
          <dd className="text-base font-semibold tabular-nums text-zinc-900">{progress.inProgressCount}</dd>
        </div>
      </dl>
      {progress.perReviewer.length > 0 ? (
        <div className="max-w-2xl" aria-label="Progress per reviewer" role="region">
          <ListTable columns={reviewerColumns}>
            {progress.perReviewer.map((reviewer) => (
              <tr key={reviewer.userId}>
                <td className="px-3 py-1.5">
                  <span className="text-zinc-900">{reviewer.name}</span> <span className="text-xs text-zinc-500">{reviewer.email}</span>
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{reviewer.done}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{reviewer.skipped}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{reviewer.inProgress}</td>
              </tr>
            ))}
          </ListTable>
        </div>
      ) : (
        <p className="text-sm text-zinc-500">No reviewer has started yet.</p>
      )}
    </section>
  );
}
