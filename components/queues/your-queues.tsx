import Link from "next/link";
import type { QueueSummary } from "@/lib/queues/queue-types";
import { paths } from "@/lib/url";
import { dateOnly } from "./fetch-json";

/** Home: the queues the reader may work, across projects, with what is left for them. */
export function YourQueues({ queues }: { queues: QueueSummary[] }) {
  return (
    <section aria-labelledby="your-queues" className="pb-6">
      <h2 id="your-queues" className="pb-2 text-sm font-semibold text-zinc-900">
        Your queues
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {queues.map((queue) => (
          <li key={queue.id} className="flex items-center justify-between gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3">
            <div className="min-w-0">
              <Link href={paths.queue(queue.projectName, queue.id)} className="block truncate font-medium text-indigo-700 hover:underline">
                {queue.name}
              </Link>
              <p className="truncate text-xs text-zinc-500">
                {queue.projectName} · <span data-testid="queue-left">{queue.leftForMe.toLocaleString("en-US")} left for you</span> · {queue.doneByMe} done
                {queue.dueAt ? ` · due ${dateOnly(queue.dueAt)}` : ""}
              </p>
            </div>
            {queue.leftForMe > 0 ? (
              <Link href={paths.queueWork(queue.projectName, queue.id)} prefetch={false} className="shrink-0 rounded bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700">
                Start<span className="sr-only"> reviewing {queue.name}</span>
              </Link>
            ) : (
              <span className="shrink-0 text-xs text-emerald-700">All done</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
