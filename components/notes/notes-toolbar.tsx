"use client";

import type { ThemeRef } from "@/lib/themes/theme-types";

const button = "h-7 rounded border border-zinc-300 bg-white px-2.5 text-xs font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-40";

// The lead's actions over the selected notes. Sticky, so it stays in reach
// while selecting down a long page.
export function NotesToolbar({ selected, total, filterTheme, pending, status, onTag, onSelectAll, onClear, onSplit, onRemove }: {
  selected: number;
  total: number;
  filterTheme: ThemeRef | null;
  pending: boolean;
  // What the last action did, announced by the live region.
  status: { text: string; error: boolean } | null;
  onTag: () => void;
  onSelectAll: () => void;
  onClear: () => void;
  onSplit: () => void;
  onRemove: () => void;
}) {
  const none = selected === 0;
  return (
    <div role="toolbar" aria-label="Selected notes" className="sticky top-11 z-10 -mx-1 mb-1 flex flex-wrap items-center gap-2 bg-zinc-50/95 px-1 py-2 backdrop-blur">
      <span className="min-w-24 text-sm tabular-nums text-zinc-700" data-testid="selected-count">
        {selected} selected
      </span>
      <button type="button" onClick={onTag} disabled={none || pending} className={`${button} border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-700`}>
        Tag selected…
      </button>
      <button type="button" onClick={onSelectAll} disabled={selected === total} className={button}>
        Select all on page
      </button>
      <button type="button" onClick={onClear} disabled={none} className={button}>
        Clear selection
      </button>
      {filterTheme ? (
        <>
          <span aria-hidden className="mx-1 h-5 w-px bg-zinc-300" />
          <button type="button" onClick={onSplit} disabled={none || pending} className={button}>
            Move selected to a new theme…
          </button>
          <button type="button" onClick={onRemove} disabled={none || pending} className={button}>
            Remove from &apos;{filterTheme.name}&apos;
          </button>
        </>
      ) : null}
      <div aria-live="polite" className="text-sm">
        {status ? (
          <p role={status.error ? "alert" : "status"} className={status.error ? "text-red-700" : "font-medium text-emerald-700"}>
            {status.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
