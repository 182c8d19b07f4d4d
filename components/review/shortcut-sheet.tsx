"use client";

import { useEffect, useRef, useState } from "react";
import { hasModifier, isTyping, modalOpen } from "./keyboard";

export type Shortcut = { keys: string[]; does: string };

const common: Shortcut[] = [
  { keys: ["Tab", "⇧Tab"], does: "Next / previous rubric card (from a text box in a card too)" },
  { keys: ["]", "["], does: "Next / previous rubric card" },
  { keys: ["1", "…", "9"], does: "Focused card (the first if none): pick label N, or start typing the score" },
  { keys: ["Enter"], does: "Save everything unsaved on screen; in review mode, then next trace once the rubrics marked required are given" },
  { keys: ["⇧Enter"], does: "New line in a text box" },
  { keys: ["e"], does: "Write the focused card's explanation" },
  { keys: ["g"], does: "Show or hide the focused card's guidelines" },
  { keys: ["←", "→"], does: "Move between a card's labels" },
  { keys: ["n"], does: "Write a note" },
  { keys: ["↑", "↓"], does: "Select the previous / next span (in the span tree)" },
  { keys: ["Esc"], does: "Leave a text box (back to its card)" },
  { keys: ["?"], does: "Show or hide this sheet" },
];

// The shortcut sheet (`?`) of review screens; the keys themselves are ReviewKeys'.
// While it is open (a modal dialog) the page's keys wait: only `?` and Esc close it.
export function ReviewShortcuts({ extra = [] }: { extra?: Shortcut[] }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    // Lets tests (and scripts) know the review shortcuts are live.
    document.documentElement.dataset.reviewReady = "true";
    const onKey = (event: KeyboardEvent) => {
      // Another dialog on top owns the keyboard; this sheet's own `?` closes it.
      if (isTyping(event.target) || hasModifier(event) || modalOpen(dialog.current)) return;
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
    <dialog
      ref={dialog}
      // The close event is queued: a quick "?" may have opened the sheet again before it arrives.
      onClose={() => setOpen(dialog.current?.open ?? false)}
      aria-label="Keyboard shortcuts"
      className="m-auto w-[32rem] rounded-lg border border-zinc-200 p-0 shadow-xl backdrop:bg-zinc-900/30">
      <div className="flex items-center justify-between border-b border-zinc-100 px-4 py-2">
        <h2 className="text-sm font-semibold">Keyboard shortcuts</h2>
        <button type="button" onClick={() => setOpen(false)} className="text-xs text-zinc-500 hover:text-zinc-900">
          Close
        </button>
      </div>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 px-4 py-3 text-xs">
        {[...extra, ...common].map((shortcut) => (
          <div key={shortcut.does} className="contents">
            <dt className="flex items-start gap-1">
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
