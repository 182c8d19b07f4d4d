"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { deleteThemeAction } from "@/lib/actions/themes/delete-theme";
import { paths } from "@/lib/url";
import { buttonClass, DialogButtons, Modal } from "./modal";

// Only an unused theme can be deleted; otherwise the button says why (the
// domain refuses too, so a stale page cannot delete a theme in use).
export function DeleteThemeButton({ projectName, theme, blockedBecause }: { projectName: string; theme: { id: number; name: string }; blockedBecause: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ActionState<unknown>>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const outcome = await deleteThemeAction({ themeId: theme.id });
      setState(outcome);
      if (outcome.status === "success") router.push(paths.themes(projectName));
    });
  if (blockedBecause) {
    return (
      <span className="inline-flex items-center gap-2">
        <button type="button" disabled aria-describedby="delete-theme-blocked" className={buttonClass.secondary}>
          Delete
        </button>
        <span id="delete-theme-blocked" className="text-xs text-zinc-500">
          {blockedBecause}
        </span>
      </span>
    );
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={buttonClass.secondary}>
        Delete
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Delete ${theme.name}?`}>
        <p className="text-sm text-zinc-600">It tags no notes and no rubric uses it. Its history is kept.</p>
        <FormMessage state={state} />
        <DialogButtons onCancel={() => setOpen(false)}>
          <button type="button" disabled={pending} onClick={remove} className={buttonClass.danger}>
            {pending ? "Deleting…" : "Delete theme"}
          </button>
        </DialogButtons>
      </Modal>
    </>
  );
}
