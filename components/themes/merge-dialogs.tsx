"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { mergeThemesAction } from "@/lib/actions/themes/merge-themes";
import { paths } from "@/lib/url";
import { buttonClass, DialogButtons, Modal } from "./modal";

export type MergeCandidate = { id: number; name: string; noteCount: number };

const notes = (n: number) => `${n} note${n === 1 ? "" : "s"}`;

function useMerge(projectName: string) {
  const router = useRouter();
  const [state, setState] = useState<ActionState<{ id: number; name: string }>>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const merge = (fromId: number, intoId: number, after: (intoId: number) => void) =>
    startTransition(async () => {
      const outcome = await mergeThemesAction({ fromId, intoId });
      setState(outcome);
      if (outcome.status === "success") after(intoId);
    });
  return { state, pending, merge, openTheme: (id: number) => router.push(paths.theme(projectName, id)) };
}

/** Two themes chosen on the list: the lead picks which one survives. */
export function MergePairDialog({ projectName, pair, open, onClose, onMerged }: {
  projectName: string; pair: [MergeCandidate, MergeCandidate]; open: boolean; onClose: () => void; onMerged: (message: string) => void;
}) {
  return (
    <Modal open={open} onClose={onClose} title={`Merge ${pair[0].name} and ${pair[1].name}?`}>
      <MergePairForm projectName={projectName} pair={pair} onCancel={onClose} onMerged={onMerged} />
    </Modal>
  );
}

function MergePairForm({ projectName, pair, onCancel, onMerged }: { projectName: string; pair: [MergeCandidate, MergeCandidate]; onCancel: () => void; onMerged: (message: string) => void }) {
  const [keepId, setKeepId] = useState(pair[0].id);
  const { state, pending, merge } = useMerge(projectName);
  const keep = pair.find((theme) => theme.id === keepId)!;
  const fold = pair.find((theme) => theme.id !== keepId)!;
  return (
    <form aria-label="Merge themes" onSubmit={(event) => (event.preventDefault(), merge(fold.id, keep.id, () => onMerged(`Merged ${fold.name} into ${keep.name}.`)))} className="space-y-3 text-sm">
      <fieldset className="space-y-1.5">
        <legend className="mb-1 font-medium text-zinc-700">Which theme survives?</legend>
        {pair.map((theme) => (
          <label key={theme.id} className="flex items-center gap-2">
            <input type="radio" name="keep" checked={keepId === theme.id} onChange={() => setKeepId(theme.id)} />
            Keep {theme.name} <span className="text-xs text-zinc-500">({notes(theme.noteCount)})</span>
          </label>
        ))}
      </fieldset>
      <p className="text-zinc-600">
        The notes of {fold.name} are tagged {keep.name}, its rubric links move over, and {fold.name} is removed. Its history is kept.
      </p>
      <FormMessage state={state} />
      <DialogButtons onCancel={onCancel}>
        <button type="submit" disabled={pending} className={buttonClass.primary}>
          {pending ? "Merging…" : `Merge into ${keep.name}`}
        </button>
      </DialogButtons>
    </form>
  );
}

/** From a theme's page: fold this theme into another one, then open the survivor. */
export function MergeIntoButton({ projectName, theme, others }: { projectName: string; theme: MergeCandidate; others: MergeCandidate[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={others.length === 0} className={buttonClass.secondary}>
        Merge into…
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Merge ${theme.name} into another theme`}>
        <MergeIntoForm projectName={projectName} theme={theme} others={others} onCancel={() => setOpen(false)} />
      </Modal>
    </>
  );
}

function MergeIntoForm({ projectName, theme, others, onCancel }: { projectName: string; theme: MergeCandidate; others: MergeCandidate[]; onCancel: () => void }) {
  const [intoId, setIntoId] = useState(others[0]?.id ?? 0);
  const { state, pending, merge, openTheme } = useMerge(projectName);
  const into = others.find((other) => other.id === intoId);
  return (
    <form aria-label="Merge theme" onSubmit={(event) => (event.preventDefault(), into && merge(theme.id, into.id, openTheme))} className="space-y-3 text-sm">
      <label className="flex flex-col gap-1 font-medium text-zinc-700">
        Surviving theme
        <select value={intoId} onChange={(event) => setIntoId(Number(event.target.value))} className="h-8 rounded border border-zinc-300 bg-white px-2 font-normal">
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.name} ({notes(other.noteCount)})
            </option>
          ))}
        </select>
      </label>
      <p className="text-zinc-600">
        The {notes(theme.noteCount)} of {theme.name} are tagged {into?.name ?? "the chosen theme"}, its rubric links move over, and {theme.name} is
        removed. Its history is kept.
      </p>
      <FormMessage state={state} />
      <DialogButtons onCancel={onCancel}>
        <button type="submit" disabled={pending || !into} className={buttonClass.primary}>
          {pending ? "Merging…" : "Merge"}
        </button>
      </DialogButtons>
    </form>
  );
}
