import Link from "next/link";
import type { QueueDetail, WorkItem } from "@/lib/queues/queue-types";
import type { QueueStanding } from "@/lib/queues/work-screen";
import { paths } from "@/lib/url";
import { WorkCompleteButton } from "./work-complete-button";
import { WorkFinishedMenu, type FinishedItem } from "./work-finished-menu";
import { WorkReleaseButton } from "./work-release-button";
import { WorkSkipDialog } from "./work-skip-dialog";
import { WorkStartButton } from "./work-start-button";

// `now`: the render's time (the page reads it once), to tell an expired claim.
type Props = {
  project: string; queue: QueueDetail; item: WorkItem; standing: QueueStanding; finished: FinishedItem[]; now: number;
  // The screen drawn in the browser brings its own "Submit and next" (work-screen-client.tsx).
  complete?: React.ReactNode;
};

const time = (date: Date) => date.toISOString().slice(11, 16);

// The work screen's bar, in place of review mode's navigator: where I am in the
// queue, how long my claim holds, and what I can do with the item. Enter (or
// the button) submits the queue's rubrics and brings the next item.
export function WorkBar({ project, queue, item, standing, finished, now, complete }: Props) {
  const ref = { project, queueId: queue.id, itemId: item.itemId };
  const revisit = item.mine !== "claimed";
  // My finished items come most recent first; positions count from my first.
  const position = revisit ? finished.length - finished.findIndex((entry) => entry.itemId === item.itemId) : finished.length + 1;
  return (
    <div data-testid="queue-work-bar" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-200 bg-indigo-50/60 px-4 py-1.5 text-sm">
      <Link href={paths.queue(project, queue.id)} className="font-semibold text-indigo-900 hover:underline">
        {queue.name}
      </Link>
      <span aria-live="polite" data-testid="queue-position" className="tabular-nums text-zinc-700">
        item {position} · {standing.remaining} left for you
      </span>
      {revisit ? (
        <span className="rounded bg-zinc-200 px-1.5 py-0.5 text-xs text-zinc-700">
          {item.mine === "DONE" ? "Done by you: change your answers, they save as you go" : "Skipped by you"}
        </span>
      ) : item.claimExpiresAt && item.claimExpiresAt.getTime() <= now ? (
        <span className="text-xs text-amber-800" title={item.claimExpiresAt.toISOString()}>
          your claim expired at {time(item.claimExpiresAt)} UTC: submit soon, another reviewer may take it
        </span>
      ) : item.claimExpiresAt ? (
        <span className="text-xs text-zinc-500" title={item.claimExpiresAt.toISOString()}>
          yours until {time(item.claimExpiresAt)} UTC
        </span>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {revisit ? (
          standing.remaining > 0 ? (
            <WorkStartButton project={project} queueId={queue.id} label="Back to my next item" inBar />
          ) : null
        ) : (
          <>
            {complete ?? <WorkCompleteButton {...ref} label="Submit and next" />}
            <WorkSkipDialog {...ref} />
            <WorkReleaseButton {...ref} />
          </>
        )}
        <WorkFinishedMenu project={project} queueId={queue.id} items={finished} current={item.itemId} />
        <Link href={paths.queue(project, queue.id)} className="text-xs text-zinc-500 hover:text-zinc-900">
          Back to the queue
        </Link>
        <span className="text-xs text-zinc-400">? for shortcuts</span>
      </div>
    </div>
  );
}
