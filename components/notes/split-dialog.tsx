"use client";

import { useEffect, useId, useRef, useState } from "react";

// "Move selected to a new theme": asks the new theme's name, then the notes leave
// the theme the page is filtered by and go to the new one (a split).
export function SplitDialog({ count, from, onSplit, onClose }: {
  count: number;
  from: string;
  onSplit: (name: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState("");
  const titleId = useId();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const trimmed = name.trim().replace(/\s+/g, " ");
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto mt-[15vh] w-full max-w-md rounded-lg border border-zinc-200 bg-white p-4 text-left shadow-xl backdrop:bg-zinc-900/30"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!trimmed) return;
          dialog.current?.close();
          onSplit(trimmed);
        }}
      >
        <h2 id={titleId} className="text-base font-semibold text-zinc-900">
          Move {count} note{count === 1 ? "" : "s"} out of &apos;{from}&apos;
        </h2>
        <p className="mt-1 text-sm text-zinc-600">They leave &apos;{from}&apos; and are tagged with a new theme instead.</p>
        <label className="mt-3 flex flex-col gap-1 text-xs text-zinc-500">
          New theme name
          <input
            autoFocus
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={120}
            className="h-9 rounded border border-zinc-300 px-2 text-sm text-zinc-900 focus:border-indigo-500"
          />
        </label>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="h-8 rounded border border-zinc-300 px-3 text-sm hover:bg-zinc-50">
            Cancel
          </button>
          <button type="submit" disabled={!trimmed} className="h-8 rounded bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
            Move to new theme
          </button>
        </div>
      </form>
    </dialog>
  );
}
