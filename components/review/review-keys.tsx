"use client";

import { useEffect, useState } from "react";
import { enterLabels, saveAndFollow, stepCard, tabBetweenCards } from "./card-keys";
import { firstVisible, hasModifier, isTyping, modalOpen } from "./keyboard";
import { beginMove, hold, moving, setKeyHandlers, settleMove, type HeldKey } from "./key-buffer";
import { REVIEW_NOTICE } from "./review-notice";
import { cardHolding, cardsOnScreen, currentCard, registeredCards } from "./rubric-cards";
import { REFUSED_AFTER_LEAVING } from "./use-rubric-draft";

const NEXT = "a[data-review-next]";
const PREVIOUS = "a[data-review-previous]";
// Enter also follows a button: a queue's "Submit and next" submits the completion form.
const ENTER_NEXT = "[data-review-next]";

// The keys held while a move is under way: those ReviewKeys acts on (not text
// typed into a box other than a card's, nor a modified key).
function heldWhileMoving(event: KeyboardEvent, target: HTMLElement | null): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  if (isTyping(target)) return Boolean(cardHolding(target)) && (event.key === "Enter" || event.key === "Tab");
  return /^[1-9]$/.test(event.key) || ["Tab", "Enter", "[", "]", "g", "e", "n", "j", "k", "ArrowLeft", "ArrowRight"].includes(event.key);
}

// The review keys, listened to once for the whole app (mounted in the root
// layout, so it outlives page changes): pages mark their controls with data
// attributes and rubric cards register themselves (rubric-cards.ts).
// Tab/Shift+Tab and [/] move between cards; 1–9 go to the focused card (the
// first one if none): a label, or the start of a score; Enter saves everything
// pending and, in review mode, moves on once every required label is given;
// e/g open the focused card's explanation / guidelines; n the note box;
// j/→ and k/← save what is pending and follow review mode's links.
// While a sheet or dialog is open, its keys are its own.
export function ReviewKeys() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let busy = false;
    const follow = (selector: string, requireGiven: boolean) => {
      if (busy) return;
      busy = true;
      setMessage(null);
      // Keys typed from here until the next screen's cards take them are held (key-buffer.ts).
      beginMove(registeredCards());
      saveAndFollow(selector, requireGiven)
        .then(({ message: said, followed }) => {
          setMessage(said);
          if (!followed) settleMove("replay");
        })
        .finally(() => (busy = false));
    };
    // What a key does, from the element holding focus; true when it was ours.
    const act = (event: HeldKey, target: HTMLElement | null): boolean => {
      const typing = isTyping(target);
      const holder = cardHolding(target);
      const key = event.key;
      let handled = false;
      if (key === "Tab") {
        handled = !hasModifier(event) && tabBetweenCards(target, holder, event.shiftKey);
      } else if (key === "Enter" && !event.altKey && !event.shiftKey) {
        // Enter is the card's in its text boxes, the span tree's and a label's;
        // other text boxes (notes, search) and controls keep their own Enter.
        const onLabel = target?.getAttribute("role") === "radio";
        const inControl = !onLabel && target?.closest("button, a, summary, select") && !target.closest("nav[aria-label='Span tree']");
        if ((typing && !holder) || inControl || (cardsOnScreen().length === 0 && !firstVisible(ENTER_NEXT))) return false;
        if (onLabel) target.click();
        handled = true;
        follow(ENTER_NEXT, true);
      } else if (key === "Escape" && typing && holder) {
        holder.element.focus();
        handled = true;
      } else if (typing || hasModifier(event) || event.shiftKey) {
        return false;
      } else if (/^[1-9]$/.test(key)) {
        handled = currentCard((card) => card.takesDigits)?.card.digit(key) ?? false;
      } else if (key === "[" || key === "]") {
        handled = stepCard(holder, key === "]" ? 1 : -1);
      } else if (key === "g") {
        handled = currentCard()?.card.toggleGuidelines() ?? false;
      } else if (key === "e") {
        handled = currentCard()?.card.focusExplanation() ?? false;
      } else if (key === "n") {
        const box = firstVisible<HTMLTextAreaElement>("[data-note-box]");
        box?.focus();
        handled = Boolean(box);
      } else if ((key === "ArrowRight" || key === "ArrowLeft") && holder && target === holder.element && holder.element.querySelector("[role=radio]")) {
        handled = enterLabels(holder, key === "ArrowRight");
      } else if (key === "j" || key === "ArrowRight" || key === "k" || key === "ArrowLeft") {
        const selector = key === "j" || key === "ArrowRight" ? NEXT : PREVIOUS;
        handled = Boolean(firstVisible(selector));
        if (handled) follow(selector, false);
      }
      return handled;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || modalOpen()) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (moving() && heldWhileMoving(event, target)) {
        hold(event);
        event.preventDefault();
        return;
      }
      if (act(event, target)) event.preventDefault();
    };
    setKeyHandlers({
      // Played back in order; a key that starts another move holds the rest for it.
      replay: (keys) => {
        for (const [index, key] of keys.entries()) {
          if (moving()) {
            keys.slice(index).forEach(hold);
            return;
          }
          act(key, document.activeElement instanceof HTMLElement ? document.activeElement : null);
        }
      },
      drop: (keys) => setMessage(`Not applied (typed while the next item was loading): ${keys.map((each) => each.key).join(" ")}`),
    });
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    // A label saved optimistically, refused once the reviewer had moved on (use-rubric-draft.ts).
    // And a notice from a screen (review-notice.ts): the work screen switching items.
    const onRefused = (event: Event) => setMessage((event as CustomEvent<string>).detail);
    window.addEventListener(REFUSED_AFTER_LEAVING, onRefused);
    window.addEventListener(REVIEW_NOTICE, onRefused);
    return () => {
      window.removeEventListener(REFUSED_AFTER_LEAVING, onRefused);
      window.removeEventListener(REVIEW_NOTICE, onRefused);
    };
  }, []);
  useEffect(() => {
    // The message is also announced (live region); on screen it need not outstay its use.
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(timer);
  }, [message]);
  // The live region is always there (so the message is announced); the status only while it speaks.
  return (
    <div aria-live="polite" className="pointer-events-none fixed bottom-4 left-1/2 z-30 -translate-x-1/2">
      {message ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-1.5 text-xs font-medium text-amber-900 shadow">
          {message}
        </p>
      ) : null}
    </div>
  );
}
