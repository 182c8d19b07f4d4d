"use client";

import { useEffect, useRef } from "react";
import { hasModifier, isTyping, modalOpen } from "@/components/review/keyboard";

type Handlers = { move: (step: 1 | -1) => void; toggle?: () => void; tag?: () => void; clear?: () => void };

// The notes page's keys: j/k move between notes, x selects the focused one,
// t tags, Esc clears the selection. Ignored while typing (a checkbox is not
// typing), while a dialog is open, and while the list is hidden (Next keeps
// recently visited pages in the DOM).
export function useNoteKeys(list: React.RefObject<HTMLElement | null>, handlers: Handlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const checkbox = event.target instanceof HTMLInputElement && event.target.type === "checkbox";
      if (event.defaultPrevented || hasModifier(event) || (isTyping(event.target) && !checkbox) || modalOpen()) return;
      if (!list.current?.checkVisibility()) return;
      const { move, toggle, tag, clear } = latest.current;
      const action = { j: () => move(1), k: () => move(-1), x: toggle, t: tag, Escape: clear }[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKeyDown);
    // Tests (and nothing else) wait for this before pressing keys.
    list.current?.setAttribute("data-keys-ready", "");
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [list]);
}
