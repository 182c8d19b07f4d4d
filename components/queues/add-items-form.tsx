"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/themes/modal";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { addQueueItemsAction } from "@/lib/actions/queues/add-queue-items";

/**
 * Adds items by a list's filters: a link copied from the list (or its query
 * string). The list's "Add these to a queue" does the same from the list itself.
 */
export function AddItemsForm({ projectName, queueId, listHref, noun }: { projectName: string; queueId: number; listHref: string; noun: string }) {
  const [link, setLink] = useState("");
  const [state, setState] = useState<ActionState<unknown>>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      const outcome = await addQueueItemsAction({ projectName, queueId, source: { kind: "filter", query: queryOf(link) } });
      setState(outcome);
      if (outcome.status === "success") setLink("");
    });
  return (
    <form aria-label="Add items" onSubmit={(event) => (event.preventDefault(), submit())} className="space-y-2">
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
        Link to a filtered {noun}s list
        <input
          value={link}
          onChange={(event) => setLink(event.target.value)}
          required
          placeholder={`…/${noun}s?status=ERROR`}
          className="h-9 rounded border border-zinc-300 bg-white px-2.5 text-sm font-normal focus:border-indigo-500"
        />
      </label>
      <p className="text-xs text-zinc-500">
        Every {noun} the filter matches is added; those already in the queue stay as they are. Or filter the{" "}
        <Link href={listHref} className="text-indigo-700 underline">
          {noun}s list
        </Link>{" "}
        and choose “Add these to a queue”.
      </p>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass.secondary}>
        {pending ? "Adding…" : "Add items"}
      </button>
    </form>
  );
}

// "https://host/projects/p/traces?status=ERROR", "?status=ERROR" or "status=ERROR" → "status=ERROR".
function queryOf(link: string): string {
  const text = link.trim();
  const at = text.indexOf("?");
  return (at >= 0 ? text.slice(at + 1) : text.includes("=") ? text : "").split("#")[0];
}
