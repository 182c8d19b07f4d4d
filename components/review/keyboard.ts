// Shortcuts are ignored while the reviewer types.
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export const hasModifier = (event: { altKey: boolean; ctrlKey: boolean; metaKey: boolean }) => event.altKey || event.ctrlKey || event.metaKey;

// Next keeps recently visited pages in the DOM, hidden, so a selector must skip
// elements that are not on screen.
export function firstVisible<T extends HTMLElement>(selector: string): T | null {
  for (const element of document.querySelectorAll<T>(selector)) {
    if (element.checkVisibility()) return element;
  }
  return null;
}

// A sheet or dialog on top owns the keyboard: the page's shortcuts wait until it closes.
export function modalOpen(except?: Element | null): boolean {
  for (const element of document.querySelectorAll("dialog[open], [aria-modal='true']")) {
    if (element !== except && element.checkVisibility()) return true;
  }
  return false;
}

const tabbable = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/** Focuses the first element the Tab key would reach after (or before) `element`, outside it. */
export function focusBeside(element: HTMLElement, forward: boolean): boolean {
  const candidates = [...document.querySelectorAll<HTMLElement>(tabbable)].filter((candidate) => {
    if (element.contains(candidate) || candidate.tabIndex < 0 || !candidate.checkVisibility()) return false;
    const position = element.compareDocumentPosition(candidate);
    return forward ? position & Node.DOCUMENT_POSITION_FOLLOWING : position & Node.DOCUMENT_POSITION_PRECEDING;
  });
  const next = forward ? candidates[0] : candidates.at(-1);
  next?.focus();
  return Boolean(next);
}
