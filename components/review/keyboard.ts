// Shortcuts are ignored while the reviewer types.
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export const hasModifier = (event: KeyboardEvent | React.KeyboardEvent) => event.altKey || event.ctrlKey || event.metaKey;

// Next keeps recently visited pages in the DOM, hidden, so a selector must skip
// elements that are not on screen.
export function firstVisible<T extends HTMLElement>(selector: string): T | null {
  for (const element of document.querySelectorAll<T>(selector)) {
    if (element.checkVisibility()) return element;
  }
  return null;
}

// The rubric a number key applies to: the one holding focus, else the first categorical one on screen.
export function activeRubricForm(): HTMLElement | null {
  const focused = document.activeElement?.closest<HTMLElement>("[data-rubric-form]");
  return (
    focused ??
    firstVisible("[data-review-panel] [data-rubric-form][data-categorical]") ??
    firstVisible("[data-rubric-form][data-categorical]")
  );
}
