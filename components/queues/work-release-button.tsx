"use client";

import { useActionState } from "react";
import { idle } from "@/lib/actions/action-state";
import { releaseQueueItemAction } from "@/lib/actions/queues/work";
import { WorkFields, workButton, type WorkRef } from "./work-fields";

/** Gives the item back to the queue and stops working it. */
export function WorkReleaseButton(ref: WorkRef) {
  const [state, action, pending] = useActionState(releaseQueueItemAction, idle);
  return (
    <form action={action} className="flex items-center gap-1">
      <WorkFields {...ref} />
      <button type="submit" disabled={pending} className={workButton.secondary} title="Give this item back to the queue and stop">
        Release
      </button>
      {state.status === "error" ? <span role="alert" className="text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
