"use client";

import { useActionState } from "react";
import { idle } from "@/lib/actions/action-state";
import { completeQueueItemAction } from "@/lib/actions/queues/work";
import { WorkFields, workButton, type WorkRef } from "./work-fields";

// "Submit and next": ReviewKeys presses it on Enter once every card is saved and
// every queue rubric given; the server checks the same again, and its refusal
// (a rubric missing, the claim lost) shows here.
export function WorkCompleteButton({ label, ...ref }: WorkRef & { label: string }) {
  const [state, action, pending] = useActionState(completeQueueItemAction, idle);
  return (
    <form action={action} className="flex items-center gap-2">
      <WorkFields {...ref} />
      <button type="submit" data-review-next aria-keyshortcuts="Enter" disabled={pending} className={workButton.primary}>
        {pending ? "Submitting…" : `${label} (Enter)`}
      </button>
      <p role="status" aria-live="polite" className="max-w-md text-xs font-medium text-red-700">
        {state.status === "error" ? state.message : null}
      </p>
    </form>
  );
}
