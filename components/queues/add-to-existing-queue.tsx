"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/themes/modal";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { addQueueItemsAction } from "@/lib/actions/queues/add-queue-items";
import { paths } from "@/lib/url";
import type { NewQueueSource } from "./queue-form";

/** "Or add them to an existing queue": the same source, into a queue of the same kind. */
export function AddToExistingQueue({ projectName, source, queues }: { projectName: string; source: NewQueueSource; queues: { id: number; name: string }[] }) {
  const router = useRouter();
  const [queueId, setQueueId] = useState(queues[0]?.id ?? 0);
  const [state, setState] = useState<ActionState<unknown>>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      const outcome = await addQueueItemsAction({ projectName, queueId, source });
      setState(outcome);
      if (outcome.status === "success") router.push(paths.queue(projectName, queueId));
    });
  return (
    <form aria-label="Add to an existing queue" onSubmit={(event) => (event.preventDefault(), submit())} className="max-w-3xl space-y-2 rounded-lg border border-zinc-200 bg-white p-5">
      <h2 className="text-sm font-semibold text-zinc-900">Or add them to an existing queue</h2>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
          Queue
          <select value={queueId} onChange={(event) => setQueueId(Number(event.target.value))} className="h-8 min-w-56 rounded border border-zinc-300 bg-white px-2 text-sm font-normal">
            {queues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending || !queueId} className={buttonClass.secondary}>
          {pending ? "Adding…" : "Add to queue"}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
