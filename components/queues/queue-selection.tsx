"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { newQueueQuery, type QueueList } from "@/lib/queues/new-queue-params";
import { paths } from "@/lib/url";

export const QUEUE_SELECT_NAME = "queue-select";

/**
 * Wraps a server-rendered list whose rows carry `<input name="queue-select">`
 * checkboxes (see SelectRowCell): counts the checked ones and sends them to the
 * new-queue page. The table stays a server component; only this wrapper is interactive.
 */
export function QueueSelection({ projectName, list, children }: { projectName: string; list: QueueList; children: React.ReactNode }) {
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  const [ids, setIds] = useState<number[]>([]);
  const read = () =>
    setIds(Array.from(box.current?.querySelectorAll<HTMLInputElement>(`input[name="${QUEUE_SELECT_NAME}"]:checked`) ?? [], (input) => Number(input.value)));
  const noun = list.slice(0, -1);
  return (
    <div ref={box} onChange={read}>
      {ids.length > 0 ? (
        <div role="toolbar" aria-label="Selected rows" className="mb-2 flex items-center gap-3 rounded border border-indigo-200 bg-indigo-50 px-3 py-1.5 text-sm">
          <span className="tabular-nums text-zinc-700">
            {ids.length} {noun}
            {ids.length === 1 ? "" : "s"} selected
          </span>
          <button
            type="button"
            onClick={() => router.push(paths.newQueue(projectName, newQueueQuery(list, "", ids)))}
            className="rounded bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700"
          >
            Add {ids.length} selected to a queue
          </button>
        </div>
      ) : null}
      {children}
    </div>
  );
}

/** A row's checkbox cell, rendered on the server inside a QueueSelection. */
export function SelectRowCell({ id, label }: { id: number; label: string }) {
  return (
    <td className="px-3 py-2">
      <input type="checkbox" name={QUEUE_SELECT_NAME} value={id} aria-label={`Select ${label}`} />
    </td>
  );
}
