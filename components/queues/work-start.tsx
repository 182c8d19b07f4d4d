import Link from "next/link";
import { ReviewShortcuts } from "@/components/review/shortcut-sheet";
import { MarkdownView } from "@/components/trace/markdown-view";
import { EmptyState } from "@/components/ui/empty-state";
import type { QueueDetail } from "@/lib/queues/queue-types";
import type { QueueStanding } from "@/lib/queues/work-screen";
import { paths } from "@/lib/url";
import { WorkFinishedMenu, type FinishedItem } from "./work-finished-menu";
import { WorkStartButton } from "./work-start-button";

type Props = { project: string; queue: QueueDetail; standing: QueueStanding; finished: FinishedItem[]; notice?: string | null; canWork: boolean };

const nouns = { TRACE: "trace", SPAN: "span", SESSION: "session" } as const;
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

// The work screen before an item: the queue's instructions, what is left for
// me and Start (a POST that claims: opening this page claims nothing).
export function WorkStart({ project, queue, standing, finished, notice, canWork }: Props) {
  const noun = nouns[queue.targetKind];
  const claimable = standing.remaining - standing.heldByOthers;
  return (
    <div className="mx-auto max-w-3xl space-y-5 px-4 py-6">
      <ReviewShortcuts />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold tracking-tight text-zinc-900">{queue.name}</h1>
        <Link href={paths.queue(project, queue.id)} className="text-sm text-indigo-700 hover:underline">
          Back to the queue
        </Link>
      </div>
      {notice ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      {queue.instructions.trim() ? (
        <section aria-label="Instructions" className="rounded-lg border border-zinc-200 bg-white p-4">
          <h2 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Instructions</h2>
          <MarkdownView text={queue.instructions} />
        </section>
      ) : null}
      <p className="text-sm text-zinc-700">
        For each {noun}, give{" "}
        {queue.rubrics.map((rubric, index) => (
          <span key={rubric.id}>
            {index > 0 ? (index === queue.rubrics.length - 1 ? " and " : ", ") : null}
            <span className="font-mono font-medium">{rubric.name}</span>
          </span>
        ))}
        . Each {noun} needs {plural(queue.reviewsNeeded, "review")}.
      </p>
      {!canWork ? null : queue.archivedAt ? (
        <EmptyState title="This queue is archived">Nothing more to do here.</EmptyState>
      ) : standing.remaining === 0 ? (
        <EmptyState title="Nothing left for you in this queue">
          {finished.length > 0 ? `You finished ${plural(finished.length, noun)}. ` : null}
          <Link href={paths.queue(project, queue.id)} className="text-indigo-700 underline">
            Back to the queue
          </Link>
        </EmptyState>
      ) : (
        <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
          <p data-testid="queue-left" className="text-sm text-zinc-800">
            <span className="font-semibold">{plural(standing.remaining, noun)} left for you</span>
            {standing.heldByOthers > 0 ? ` · ${standing.heldByOthers} held by other reviewers right now, ${claimable} to claim` : null}
          </p>
          <WorkStartButton project={project} queueId={queue.id} label={standing.mine ? "Continue my item" : "Start"} />
        </div>
      )}
      {finished.length > 0 ? (
        <div className="flex items-center gap-2 text-sm text-zinc-600">
          Go back to one you finished: <WorkFinishedMenu project={project} queueId={queue.id} items={finished} />
        </div>
      ) : null}
    </div>
  );
}
