// Keys typed while the screen moves to the next item (Enter, j, k: from the
// keypress until the next item's rubric cards are registered) belong to the
// next item: ReviewKeys holds them here and plays them back once a card that
// was not on the screen they were typed at registers, so a fast typist's label
// lands on the item they see next, never on the one they left, and is never
// dropped in between. A move that does not happen (refused: a label missing, a
// save refused, the server said no) plays them back on the screen as it is; a
// move that ends on no card (the queue's end) or takes too long drops them,
// and the reviewer is told which. Module state is fine: it lives in the browser only.

export type HeldKey = { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean };

type Move = { from: Set<HTMLElement>; keys: HeldKey[]; timer: ReturnType<typeof setTimeout> };
type Handlers = { replay: (keys: HeldKey[]) => void; drop: (keys: HeldKey[]) => void };

// Past this, keys typed since the keypress are dropped rather than applied to a screen drawn much later.
const LIMIT_MS = 6_000;

let move: Move | null = null;
let handlers: Handlers = { replay: () => {}, drop: () => {} };

export function setKeyHandlers(next: Handlers): void {
  handlers = next;
}

/** A move starts: `from` are the cards registered now (the screen being left). */
export function beginMove(from: Iterable<HTMLElement>): void {
  settleMove("drop");
  move = { from: new Set(from), keys: [], timer: setTimeout(() => settleMove("drop"), LIMIT_MS) };
}

export const moving = (): boolean => move !== null;

export function hold({ key, shiftKey, altKey, ctrlKey, metaKey }: HeldKey): void {
  move?.keys.push({ key, shiftKey, altKey, ctrlKey, metaKey });
}

/**
 * Ends the move: its keys are played back on the screen as it is now, or
 * dropped (and the reviewer told), or discarded for the caller to tell
 * (the work screen, when the item they were typed for is not the one claimed).
 */
export function settleMove(how: "replay" | "drop" | "discard"): HeldKey[] {
  if (!move) return [];
  const { keys, timer } = move;
  clearTimeout(timer);
  move = null;
  if (keys.length > 0 && how !== "discard") (how === "replay" ? handlers.replay : handlers.drop)(keys);
  return keys;
}

/**
 * A card registered (rubric-cards.ts, during the commit that drew it): one the
 * move did not start from means the next screen is drawn. Played back after
 * the commit, once every card it drew is registered.
 */
export function cardRegistered(element: HTMLElement): void {
  if (!move || move.from.has(element)) return;
  const current = move;
  queueMicrotask(() => {
    if (move === current) settleMove("replay");
  });
}
