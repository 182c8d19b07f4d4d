"use client";

import { useActionState } from "react";
import { idle } from "@/lib/actions/action-state";
import { startQueueWorkAction } from "@/lib/actions/queues/work";
import { WorkFields, workButton, type WorkRef } from "./work-fields";

// Start claims the next item (a POST: opening the page never claims). Enter
// presses it too: ReviewKeys follows [data-review-next] when no card is on screen.
// `inBar`: the work bar's small version, on an item I revisit.
export function WorkStartButton({ label = "Start", inBar = false, ...ref }: WorkRef & { label?: string; inBar?: boolean }) {
  const [state, action, pending] = useActionState(startQueueWorkAction, idle);
  return (
    <form action={action} className={inBar ? "flex items-center gap-2" : "space-y-2"}>
      <WorkFields {...ref} />
      <button
        type="submit"
        data-review-next
        aria-keyshortcuts="Enter"
        autoFocus={!inBar}
        disabled={pending}
        className={inBar ? workButton.primary : "h-9 rounded bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"}
      >
        {pending ? "Claiming…" : `${label} (Enter)`}
      </button>
      <p role="status" aria-live="polite" className={inBar ? "max-w-md text-xs text-amber-800" : "text-sm text-amber-800"}>
        {state.status === "error" ? state.message : null}
      </p>
    </form>
  );
}
