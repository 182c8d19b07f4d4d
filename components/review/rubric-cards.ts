// The rubric cards on screen, for the keys that act across them (ReviewKeys):
// each RubricForm registers what it can do; the keys find cards in the DOM and
// ask the registry. Module state is fine here: it lives in the browser only.

import { cardRegistered } from "./key-buffer";

export type RubricCard = {
  name: string;
  // Enter moves on in review mode only once every required card is given.
  required: boolean;
  // What a missing card needs, for the message: "a label", "a score", "text".
  needs: string;
  given: () => boolean;
  // Saves a pending change (waiting for saves in flight first); false when refused.
  flush: () => Promise<boolean>;
  refusal: () => string | null;
  focus: () => void;
  // A digit: pick label N, or start typing the score. False when it does not apply.
  digit: (key: string) => boolean;
  takesDigits: boolean;
  focusExplanation: () => boolean;
  toggleGuidelines: () => boolean;
};

export type CardOnScreen = { element: HTMLElement; card: RubricCard };

const registry = new Map<HTMLElement, RubricCard>();

/** Every card registered now, on screen or not (a move starts from them: key-buffer.ts). */
export const registeredCards = (): HTMLElement[] => [...registry.keys()];

// Called from a layout effect: the card takes keys from the commit that draws it.
export function registerCard(element: HTMLElement, card: RubricCard): () => void {
  registry.set(element, card);
  // From here on the keys reach the card: the review timing (e2e/review-timing.spec.ts) waits for this mark.
  element.dataset.cardReady = "";
  cardRegistered(element);
  return () => {
    if (registry.get(element) !== card) return;
    registry.delete(element);
    delete element.dataset.cardReady;
  };
}

/** Visible cards, the review panel's first (trace, then span), then the others (documents) in page order. */
export function cardsOnScreen(): CardOnScreen[] {
  const shown = [...document.querySelectorAll<HTMLElement>("[data-rubric-form]")]
    .filter((element) => registry.has(element) && element.checkVisibility())
    .map((element) => ({ element, card: registry.get(element)! }));
  const inPanel = (entry: CardOnScreen) => Boolean(entry.element.closest("[data-review-panel]"));
  return [...shown.filter(inPanel), ...shown.filter((entry) => !inPanel(entry))];
}

export function cardHolding(node: EventTarget | null): CardOnScreen | null {
  const element = node instanceof Element ? node.closest<HTMLElement>("[data-rubric-form]") : null;
  const card = element ? registry.get(element) : undefined;
  return element && card ? { element, card } : null;
}

/** The card a key applies to: the one holding focus, else the first on screen that accepts it. */
export function currentCard(accepts: (card: RubricCard) => boolean = () => true): CardOnScreen | null {
  const focused = cardHolding(document.activeElement);
  if (focused) return accepts(focused.card) ? focused : null;
  return cardsOnScreen().find((entry) => accepts(entry.card)) ?? null;
}

export type SaveOutcome = { refused: CardOnScreen[]; missing: CardOnScreen[] };

/** Saves every pending change on screen at once; says what was refused and what required card is still empty. */
export async function saveEverything(): Promise<SaveOutcome> {
  const cards = cardsOnScreen();
  const saved = await Promise.all(cards.map((entry) => entry.card.flush()));
  return {
    refused: cards.filter((_, index) => !saved[index]),
    missing: cards.filter((entry) => entry.card.required && !entry.card.given()),
  };
}
