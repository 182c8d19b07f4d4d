"use client";

import { useState } from "react";

// Which notes of the page are selected. A click toggles one; a shift-click sets
// every note between the last clicked one and this one to the clicked note's new
// state, as in a mail client.
export function useNoteSelection(ids: number[]) {
  const [chosen, setChosen] = useState<ReadonlySet<number>>(() => new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  // Notes that left the page (a tag moved them out of the filter) are no longer selected.
  const selected = ids.filter((id) => chosen.has(id));

  const toggle = (index: number, range = false) => {
    const id = ids[index];
    if (id === undefined) return;
    const on = !chosen.has(id);
    const next = new Set(chosen);
    const [from, to] = range && anchor !== null ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
    for (const rangeId of ids.slice(from, to + 1)) {
      if (on) next.add(rangeId);
      else next.delete(rangeId);
    }
    setChosen(next);
    setAnchor(index);
  };

  return {
    selected,
    isSelected: (id: number) => chosen.has(id),
    toggle,
    selectAll: () => setChosen(new Set(ids)),
    clear: () => {
      setChosen(new Set());
      setAnchor(null);
    },
  };
}
