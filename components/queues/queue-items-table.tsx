"use client";

import Link from "next/link";
import { useState } from "react";
import { FormMessage } from "@/components/ui/field";
import { ListTable } from "@/components/ui/list-table";
import type { ActionState } from "@/lib/actions/action-state";
import type { ReviewerChoice } from "@/lib/auth/reviewer-choices";
import type { QueueItemRow, QueueItemStatus } from "@/lib/queues/queue-types";
import { paths } from "@/lib/url";
import { QueueItemActions } from "./queue-item-actions";

const statusStyle: Record<QueueItemStatus, string> = {
  open: "bg-zinc-100 text-zinc-700",
  "in-progress": "bg-amber-100 text-amber-800",
  complete: "bg-emerald-100 text-emerald-800",
};

/** The queue's items (one keyset page); leads select rows to assign, unassign or remove them. */
export function QueueItemsTable({
  projectName,
  queueId,
  reviewsNeeded,
  rows,
  manage,
  reviewers,
}: {
  projectName: string;
  queueId: number;
  reviewsNeeded: number;
  rows: QueueItemRow[];
  manage: boolean;
  reviewers: ReviewerChoice[];
}) {
  const [selected, setSelected] = useState<number[]>([]);
  const [state, setState] = useState<ActionState>({ status: "idle" });
  // Rows that left the page (removed, or filtered out by a refresh) are no longer selected.
  const present = selected.filter((id) => rows.some((row) => row.id === id));
  const toggle = (id: number) => setSelected(present.includes(id) ? present.filter((other) => other !== id) : [...present, id]);
  const allChecked = rows.length > 0 && present.length === rows.length;
  const columns = [
    ...(manage ? [{ label: "", className: "w-10" }] : []),
    { label: "Item" },
    { label: "Status", className: "w-40" },
    { label: "Claimed by", className: "w-40" },
    { label: "Assigned to", className: "w-36" },
    { label: "Reviews" },
  ];
  return (
    <div>
      {manage ? (
        <QueueItemActions
          projectName={projectName}
          queueId={queueId}
          selected={present}
          reviewers={reviewers}
          onDone={(outcome) => {
            setState(outcome);
            if (outcome.status === "success") setSelected([]);
          }}
        />
      ) : null}
      <ListTable columns={columns}>
        {manage ? (
          <tr className="bg-zinc-50/50">
            <td className="px-3 py-1">
              <input type="checkbox" aria-label="Select all items on this page" checked={allChecked} onChange={() => setSelected(allChecked ? [] : rows.map((row) => row.id))} />
            </td>
            <td colSpan={columns.length - 1} className="px-3 py-1 text-xs text-zinc-500">
              Select all on this page
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr key={row.id} className="align-top hover:bg-indigo-50/40">
            {manage ? (
              <td className="px-3 py-2">
                <input type="checkbox" aria-label={`Select ${row.target?.label ?? `item ${row.id}`}`} checked={present.includes(row.id)} onChange={() => toggle(row.id)} />
              </td>
            ) : null}
            <td className="px-3 py-2">
              <TargetLink projectName={projectName} row={row} />
            </td>
            <td className="px-3 py-2">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusStyle[row.status]}`}>{row.status.replace("-", " ")}</span>
              <span className="ml-2 text-xs tabular-nums text-zinc-500">
                {row.doneCount}/{reviewsNeeded}
              </span>
            </td>
            <td className="px-3 py-2 text-zinc-700">{row.claimedBy?.name ?? <span className="text-zinc-400">—</span>}</td>
            <td className="px-3 py-2 text-zinc-700">{row.assignedTo?.name ?? <span className="text-zinc-400">—</span>}</td>
            <td className="px-3 py-2">
              <ul className="flex flex-wrap gap-1">
                {row.reviews.map((review) => (
                  <li key={review.userId} title={review.reason ?? undefined} className={`rounded px-1.5 py-0.5 text-xs ${review.status === "DONE" ? "bg-emerald-50 text-emerald-800" : "bg-zinc-100 text-zinc-600"}`}>
                    {review.name} · {review.status === "DONE" ? "done" : "skipped"}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </ListTable>
      <div className="pt-2">
        <FormMessage state={state} />
      </div>
    </div>
  );
}

function TargetLink({ projectName, row }: { projectName: string; row: QueueItemRow }) {
  const target = row.target;
  if (!target) return <span className="text-zinc-400">Deleted (target {row.targetId})</span>;
  const href = target.spanId && target.traceId
    ? paths.trace(projectName, target.traceId, target.spanId)
    : target.traceId
      ? paths.trace(projectName, target.traceId)
      : target.sessionId
        ? paths.session(projectName, target.sessionId)
        : null;
  return href ? (
    <Link href={href} className="font-mono text-xs text-indigo-700 hover:underline">
      {target.label}
    </Link>
  ) : (
    <span className="font-mono text-xs">{target.label}</span>
  );
}
