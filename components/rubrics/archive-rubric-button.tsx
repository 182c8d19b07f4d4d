"use client";

import { useId, useRef, useTransition } from "react";
import { useAnnounce } from "@/components/ui/page-announcer";
import { archiveRubricAction, restoreRubricAction } from "@/lib/actions/rubrics/save-rubric";

// Archiving takes a rubric's form away from every project at once, so it asks
// first, in a modal dialog: focus moves into it, Escape or Cancel closes it and
// the browser puts focus back on the button. Restoring undoes, so it does not ask.
// The outcome goes to the page's status line: a deleted rubric's row is gone.
export function ArchiveRubricButton({ id, name, archived }: { id: number; name: string; archived: boolean }) {
  const announce = useAnnounce();
  const [pending, startTransition] = useTransition();
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  const run = () =>
    startTransition(async () => {
      const outcome = archived ? await restoreRubricAction(id) : await archiveRubricAction(id);
      announce(outcome.status === "idle" ? null : (outcome.message ?? null));
    });
  const ask = () => {
    dialog.current?.showModal();
    confirm.current?.focus();
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={pending} onClick={archived ? run : ask} className="h-7 rounded border border-zinc-300 px-2 text-xs hover:bg-zinc-50">
        {archived ? "Restore" : "Archive"}
        <span className="sr-only"> {name}</span>
      </button>
      {archived ? null : (
        <dialog
          ref={dialog}
          role="alertdialog"
          aria-labelledby={titleId}
          aria-describedby={textId}
          className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-5 text-left shadow-xl backdrop:bg-zinc-900/30"
        >
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">Archive {name}?</h2>
          <p id={textId} className="mt-2 text-sm text-zinc-600">
            Its form leaves the review panel of every project that uses it. Labels and scores already given keep its name;
            you can restore it from this list. A rubric nobody has used yet is deleted instead.
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="h-8 rounded border border-zinc-300 px-3 text-sm hover:bg-zinc-50">
              Cancel
            </button>
            <button
              ref={confirm}
              type="button"
              onClick={() => (dialog.current?.close(), run())}
              className="h-8 rounded bg-red-600 px-3 text-sm font-medium text-white hover:bg-red-700"
            >
              Archive
            </button>
          </div>
        </dialog>
      )}
    </span>
  );
}
