"use client";

import { useState, useTransition } from "react";
import { buttonClass } from "@/components/themes/modal";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { archiveQueueAction } from "@/lib/actions/queues/archive-queue";

/** Archive (or restore) a queue; the page re-renders from the action's revalidation. */
export function ArchiveQueueButton({ projectName, queueId, archived }: { projectName: string; queueId: number; archived: boolean }) {
  const [state, setState] = useState<ActionState>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const toggle = () => startTransition(async () => setState(await archiveQueueAction({ projectName, queueId, archived: !archived })));
  return (
    <>
      <button type="button" onClick={toggle} disabled={pending} className={buttonClass.secondary}>
        {archived ? "Restore queue" : "Archive queue"}
      </button>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </>
  );
}
