"use client";

import { useState, useTransition } from "react";
import { archiveRubricAction, restoreRubricAction } from "@/lib/actions/rubrics/save-rubric";

export function ArchiveRubricButton({ id, name, archived }: { id: number; name: string; archived: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const outcome = archived ? await restoreRubricAction(id) : await archiveRubricAction(id);
      setMessage(outcome.status === "idle" ? null : (outcome.message ?? null));
    });
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={pending} onClick={run} className="h-7 rounded border border-zinc-300 px-2 text-xs hover:bg-zinc-50">
        {archived ? "Restore" : "Archive"}
        <span className="sr-only"> {name}</span>
      </button>
      {message ? <span role="status" className="text-xs text-zinc-500">{message}</span> : null}
    </span>
  );
}
