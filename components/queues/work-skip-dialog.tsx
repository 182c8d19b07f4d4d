"use client";

import { useActionState, useEffect, useState } from "react";
import { hasModifier, isTyping, modalOpen } from "@/components/review/keyboard";
import { buttonClass, DialogButtons, Modal } from "@/components/themes/modal";
import { idle } from "@/lib/actions/action-state";
import { skipQueueItemAction } from "@/lib/actions/queues/work";
import { WorkFields, workButton, type WorkRef } from "./work-fields";

// Skip asks why (the lead reads it on the queue page); the item goes back to
// the queue and the next one comes up. `s` opens it; Enter in the reason skips,
// Escape cancels.
export function WorkSkipDialog(ref: WorkRef) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "s" || event.defaultPrevented || isTyping(event.target) || hasModifier(event) || modalOpen()) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-keyshortcuts="s" className={workButton.secondary}>
        Skip (s)
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title="Skip this item">
        <SkipForm {...ref} onCancel={() => setOpen(false)} />
      </Modal>
    </>
  );
}

function SkipForm({ onCancel, ...ref }: WorkRef & { onCancel: () => void }) {
  const [state, action, pending] = useActionState(skipQueueItemAction, idle);
  const error = state.status === "error" ? (state.fieldErrors?.reason?.[0] ?? state.message) : null;
  return (
    <form action={action}>
      <WorkFields {...ref} />
      <label htmlFor="skip-reason" className="text-sm text-zinc-700">
        Why skip it? It goes back to the queue for someone else.
      </label>
      <input
        id="skip-reason"
        name="reason"
        required
        autoFocus
        maxLength={2000}
        aria-describedby="skip-reason-error"
        placeholder="e.g. not my area, needs a billing expert"
        className="mt-1 h-8 w-full rounded border border-zinc-300 px-2 text-sm focus:border-indigo-500"
      />
      <p id="skip-reason-error" aria-live="polite" className="mt-1 text-xs text-red-700">
        {error}
      </p>
      <DialogButtons onCancel={onCancel}>
        <button type="submit" disabled={pending} className={buttonClass.primary}>
          {pending ? "Skipping…" : "Skip item"}
        </button>
      </DialogButtons>
    </form>
  );
}
