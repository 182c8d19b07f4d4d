"use client";

import { MarkdownView } from "@/components/trace/markdown-view";
import type { CardStatus } from "@/lib/review/card-state";
import type { Refusal } from "./use-rubric-draft";

const statusText: Record<CardStatus, string> = {
  saving: "saving…",
  refused: "refused",
  unsaved: "unsaved changes",
  saved: "saved",
  required: "required",
  empty: "",
};
const statusTone: Record<CardStatus, string> = {
  saving: "text-zinc-500",
  refused: "font-semibold text-red-700",
  unsaved: "font-medium text-amber-700",
  saved: "text-emerald-700",
  required: "text-zinc-400",
  empty: "",
};

/** What the card holds, in one word: only "saved" when the server has it. */
export function RubricStatus({ status }: { status: CardStatus }) {
  return (
    <span data-rubric-status={status} className={`text-[10px] ${statusTone[status]}`}>
      {statusText[status]}
    </span>
  );
}

/** The reason a save was refused, and the value that was not stored. */
export function RefusalNote({ refusal }: { refusal: Refusal | null }) {
  if (!refusal) return null;
  return (
    <>
      <p role="alert" className="mt-1 text-xs text-red-600">
        {refusal.message}
      </p>
      {refusal.notSaved !== null ? (
        <p className="text-[11px] text-red-700">
          Not saved: <span className="font-mono line-through">{refusal.notSaved}</span>
        </p>
      ) : null}
    </>
  );
}

export function GuidelinesToggle({ open, controls, onToggle }: { open: boolean; controls: string; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      aria-keyshortcuts="g"
      onClick={onToggle}
      className="inline-flex items-center gap-0.5 rounded px-1 text-[10px] text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
    >
      <span aria-hidden className={`inline-block transition-transform ${open ? "rotate-90" : ""}`}>
        ▸
      </span>
      Guidelines
    </button>
  );
}

/** A rubric's guidelines, written by leads in markdown, rendered by the safe markdown view. */
export function Guidelines({ id, name, text, open }: { id: string; name: string; text: string; open: boolean }) {
  return (
    <div id={id} hidden={!open} role="region" aria-label={`${name} guidelines`} className="mb-2 rounded border border-zinc-100 bg-zinc-50 px-2 py-1.5 [&_*]:text-xs">
      <MarkdownView text={text} />
    </div>
  );
}
