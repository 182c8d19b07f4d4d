"use client";

import { useState, useTransition } from "react";
import { buttonClass } from "@/components/themes/modal";
import type { ActionState } from "@/lib/actions/action-state";
import { assignQueueItemsAction } from "@/lib/actions/queues/assign-queue-items";
import { removeQueueItemsAction } from "@/lib/actions/queues/remove-queue-items";
import type { ReviewerChoice } from "@/lib/auth/reviewer-choices";

/** A lead's bar over the item table: assign, unassign or remove the selected items. */
export function QueueItemActions({
  projectName,
  queueId,
  selected,
  reviewers,
  onDone,
}: {
  projectName: string;
  queueId: number;
  selected: number[];
  reviewers: ReviewerChoice[];
  onDone: (state: ActionState) => void;
}) {
  const [assignee, setAssignee] = useState(reviewers[0]?.id ?? "");
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionState>) =>
    startTransition(async () => {
      onDone(await action());
    });
  const base = { projectName, queueId, itemIds: selected };
  const none = selected.length === 0 || pending;
  return (
    <div role="toolbar" aria-label="Selected items" className="flex flex-wrap items-center gap-2 rounded-t-lg border border-b-0 border-zinc-200 bg-zinc-50 px-3 py-2 text-sm">
      <span data-testid="selected-count" className="tabular-nums text-zinc-700">
        {selected.length} selected
      </span>
      <label className="ml-2 flex items-center gap-1.5 text-zinc-600">
        Reviewer
        <select value={assignee} onChange={(event) => setAssignee(event.target.value)} className="h-8 rounded border border-zinc-300 bg-white px-2 text-sm text-zinc-900">
          {reviewers.map((reviewer) => (
            <option key={reviewer.id} value={reviewer.id}>
              {reviewer.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={none || !assignee} onClick={() => run(() => assignQueueItemsAction({ ...base, userId: assignee }))} className={buttonClass.secondary}>
        Assign
      </button>
      <button type="button" disabled={none} onClick={() => run(() => assignQueueItemsAction({ ...base, userId: null }))} className={buttonClass.secondary}>
        Unassign
      </button>
      <button type="button" disabled={none} onClick={() => run(() => removeQueueItemsAction(base))} className={`${buttonClass.secondary} ml-auto text-red-700`}>
        Remove from queue
      </button>
    </div>
  );
}
