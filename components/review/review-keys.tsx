"use client";

import { useEffect } from "react";
import { activeRubricForm, firstVisible, hasModifier, isTyping } from "./keyboard";

// The review keys, listened to once for the whole app (mounted in the root
// layout, so it outlives page changes): pages only mark their controls with
// data attributes. `1`–`9` click a label of the focused rubric (the first one
// if none), `n` focuses the note box, j/→/Enter and k/← follow review mode's
// next and previous links.
export function ReviewKeys() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || hasModifier(event) || event.shiftKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      let handled: HTMLElement | null = null;
      if (/^[1-9]$/.test(event.key)) {
        handled = activeRubricForm()?.querySelectorAll<HTMLElement>("[role=radio]:not([disabled])")[Number(event.key) - 1] ?? null;
        handled?.click();
      } else if (event.key === "n") {
        handled = firstVisible<HTMLTextAreaElement>("[data-note-box]");
        handled?.focus();
      } else {
        // Enter on a label picks it (its own click) and moves on, and so it does on
        // the span tree where focus rests; on other controls Enter is theirs.
        const inControl = target?.closest("button:not([role=radio]), a, summary") && !target.closest("nav[aria-label='Span tree']");
        const forward = event.key === "j" || event.key === "ArrowRight" || (event.key === "Enter" && !inControl);
        const back = event.key === "k" || event.key === "ArrowLeft";
        handled = forward ? firstVisible("a[data-review-next]") : back ? firstVisible("a[data-review-previous]") : null;
        if (handled) {
          target?.blur?.();
          handled.click();
        }
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
