"use client";

import { useEffect, useRef, useState } from "react";
import { hasModifier, isTyping } from "./keyboard";

export type Shortcut = { keys: string[]; does: string };

const common: Shortcut[] = [
  { keys: ["n"], does: "Write a note" },
  { keys: ["1", "…", "9"], does: "Pick a label of the focused rubric (the first one if none)" },
  { keys: ["Tab"], does: "Next rubric (Shift+Tab: previous)" },
  { keys: ["←", "→"], does: "Move between a rubric's labels" },
  { keys: ["↑", "↓"], does: "Select the previous / next span (in the span tree)" },
  { keys: ["Esc"], does: "Leave a text box" },
  { keys: ["?"], does: "Show or hide this sheet" },
];

// The shortcut sheet (`?`) of review screens; the keys themselves are ReviewKeys'.
export function ReviewShortcuts({ extra = [] }: { extra?: Shortcut[] }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    // Lets tests (and scripts) know the review shortcuts are live.
    document.documentElement.dataset.reviewReady = "true";
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || hasModifier(event)) return;
      if (event.key === "?") {
        event.preventDefault();
        setOpen((value) => !value);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  return (
    <dialog ref={dialog} onClose={() => setOpen(false)} aria-label="Keyboard shortcuts" className="m-auto w-[28rem] rounded-lg border border-zinc-200 p-0 shadow-xl backdrop:bg-zinc-900/30">
      <div className="flex items-center justify-between border-b border-zinc-100 px-4 py-2">
        <h2 className="text-sm font-semibold">Keyboard shortcuts</h2>
        <button type="button" onClick={() => setOpen(false)} className="text-xs text-zinc-500 hover:text-zinc-900">
          Close
        </button>
      </div>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 px-4 py-3 text-xs">
        {[...extra, ...common].map((shortcut) => (
          <div key={shortcut.does} className="contents">
            <dt className="flex gap-1">
              {shortcut.keys.map((key) => (
                <kbd key={key} className="rounded border border-zinc-300 bg-zinc-50 px-1.5 font-mono text-[11px]">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd className="text-zinc-700">{shortcut.does}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
