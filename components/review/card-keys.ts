import { firstVisible, focusBeside } from "./keyboard";
import { cardsOnScreen, saveEverything, type CardOnScreen } from "./rubric-cards";

const inSpanTree = (target: HTMLElement | null) => Boolean(target?.closest("nav[aria-label='Span tree']"));

/**
 * Tab / Shift+Tab between rubric cards. They apply from the page itself, the
 * span tree (where focus rests on arrival) and inside a card, text boxes
 * included; past the last card (or before the first) Tab goes on to the rest of
 * the page, so nothing is out of reach. False: leave the key to the browser.
 */
export function tabBetweenCards(target: HTMLElement | null, holder: CardOnScreen | null, backward: boolean): boolean {
  const cards = cardsOnScreen();
  if (cards.length === 0) return false;
  if (!holder) {
    const onPage = !target || target === document.body || target === document.documentElement;
    if (!onPage && !(inSpanTree(target) && !backward)) return false;
    (backward ? cards.at(-1)! : cards[0]!).card.focus();
    return true;
  }
  const index = cards.findIndex((entry) => entry.element === holder.element);
  const next = cards[index + (backward ? -1 : 1)];
  if (next) {
    next.card.focus();
    return true;
  }
  return focusBeside(holder.element, !backward);
}

/** `[` / `]`: the previous / next card, round the end. */
export function stepCard(holder: CardOnScreen | null, delta: number): boolean {
  const cards = cardsOnScreen();
  if (cards.length === 0) return false;
  const index = holder ? cards.findIndex((entry) => entry.element === holder.element) : delta > 0 ? -1 : 0;
  cards[(index + delta + cards.length) % cards.length]!.card.focus();
  return true;
}

/** ← / → on a focused label card step into its labels (focus only; a digit, Enter or Space picks). */
export function enterLabels(holder: CardOnScreen, forward: boolean): boolean {
  const radios = [...holder.element.querySelectorAll<HTMLElement>("[role=radio]:not([disabled])")];
  if (radios.length === 0) return false;
  const checked = radios.findIndex((radio) => radio.getAttribute("aria-checked") === "true");
  const index = checked < 0 ? (forward ? 0 : radios.length - 1) : (checked + (forward ? 1 : -1) + radios.length) % radios.length;
  radios[index]!.focus();
  return true;
}

const names = (cards: CardOnScreen[]) => cards.map((entry) => entry.card.name).join(", ");

/**
 * Saves every pending change on screen, then follows the link (review mode's
 * next or previous trace) or presses the button (a queue's "Submit and next").
 * With `requireGiven`, it moves on only once every required card is given;
 * otherwise, as when a save is refused, it focuses the card in question and
 * returns what to tell the reviewer. `followed`: the link or button was pressed.
 */
export async function saveAndFollow(linkSelector: string, requireGiven: boolean): Promise<{ message: string | null; followed: boolean }> {
  const { refused, missing } = await saveEverything();
  if (refused.length > 0) {
    refused[0]!.card.focus();
    return { message: `${names(refused)} not saved: ${refused[0]!.card.refusal() ?? "refused"}`, followed: false };
  }
  const link = firstVisible(linkSelector);
  const inReview = link ?? firstVisible("[data-review-next], a[data-review-previous]");
  if (requireGiven && inReview && missing.length > 0) {
    missing[0]!.card.focus();
    const [first] = missing;
    if (missing.length === 1) return { message: `${first!.card.name} needs ${first!.card.needs} before moving on`, followed: false };
    return { message: `Needed before moving on: ${missing.map((entry) => `${entry.card.name} (${entry.card.needs})`).join(", ")}`, followed: false };
  }
  if (!link || (link instanceof HTMLButtonElement && link.disabled)) return { message: null, followed: false };
  (document.activeElement as HTMLElement | null)?.blur?.();
  link.click();
  return { message: null, followed: true };
}
