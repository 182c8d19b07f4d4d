"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ListTable } from "@/components/ui/list-table";
import type { QueueSummary } from "@/lib/queues/queue-types";
import { paths } from "@/lib/url";
import { dateOnly, fetchJson, POLL_MS, queuesApi } from "./fetch-json";
import { ProgressBar } from "./queue-progress-bar";

const columns = [
  { label: "Queue" },
  { label: "Complete", className: "w-56" },
  { label: "Left for me", className: "w-28 text-right" },
  { label: "Done by me", className: "w-28 text-right" },
  { label: "Due (UTC)", className: "w-28" },
  { label: "", className: "w-28" },
];

/** The project's queues, refreshed while the page is open so a lead sees reviewers' progress. */
export function QueueList({ projectName, archived, initial, canWork }: { projectName: string; archived: boolean; initial: QueueSummary[]; canWork: boolean }) {
  const { data: queues } = useQuery({
    queryKey: ["queues", projectName, archived],
    queryFn: () => fetchJson<QueueSummary[]>(`${queuesApi(projectName)}${archived ? "?archived=1" : ""}`),
    initialData: initial,
    refetchInterval: POLL_MS,
  });
  return (
    <ListTable columns={columns}>
      {queues.map((queue) => (
        <tr key={queue.id} className="hover:bg-zinc-50">
          <td className="px-3 py-2">
            <Link href={paths.queue(projectName, queue.id)} className="font-medium text-indigo-700 hover:underline">
              {queue.name}
            </Link>
            <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
              <span>{queue.targetKind.toLowerCase()}s</span>
              <span aria-hidden>·</span>
              <span>
                {queue.reviewsNeeded} review{queue.reviewsNeeded === 1 ? "" : "s"} per item
              </span>
              {queue.rule ? <span className="rounded bg-sky-100 px-1.5 py-px font-medium text-sky-800" title={queue.rule}>by rule</span> : null}
              {queue.archivedAt ? <span className="rounded bg-zinc-200 px-1.5 py-px font-medium text-zinc-700">archived</span> : null}
            </div>
          </td>
          <td className="px-3 py-2">
            <ProgressBar done={queue.completeCount} total={queue.itemCount} label={`${queue.name}: items complete`} />
          </td>
          <td className="px-3 py-2 text-right tabular-nums" data-testid="left-for-me">{queue.leftForMe.toLocaleString("en-US")}</td>
          <td className="px-3 py-2 text-right tabular-nums">{queue.doneByMe.toLocaleString("en-US")}</td>
          <td className="px-3 py-2 font-mono text-xs text-zinc-600">{dateOnly(queue.dueAt) ?? "—"}</td>
          <td className="px-3 py-2 text-right">
            {canWork && !queue.archivedAt && queue.leftForMe > 0 ? (
              <Link href={paths.queueWork(projectName, queue.id)} prefetch={false} className="rounded bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700">
                Start<span className="sr-only"> reviewing {queue.name}</span>
              </Link>
            ) : null}
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
