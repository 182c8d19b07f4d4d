import Link from "next/link";
import { formatCappedCount, type CappedCount } from "@/lib/pagination/capped-count";
import { newQueueQuery, type QueueList } from "@/lib/queues/new-queue-params";
import { paths } from "@/lib/url";

/** A list's "Add these 240 traces to a queue": the new-queue page with the list's filters. */
export function AddToQueueLink({ projectName, list, filters, count }: { projectName: string; list: QueueList; filters: string; count: CappedCount }) {
  return (
    <Link href={paths.newQueue(projectName, newQueueQuery(list, filters))} className="rounded border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
      Add these {formatCappedCount(count, list.slice(0, -1))} to a queue
    </Link>
  );
}
