// Shortcuts are ignored while the reviewer types.
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export const hasModifier = (event: KeyboardEvent | React.KeyboardEvent) => event.altKey || event.ctrlKey || event.metaKey;

// The rubric a number key applies to: the one holding focus, else the first categorical one on screen.
export function activeRubricForm(): HTMLElement | null {
  const focused = document.activeElement?.closest<HTMLElement>("[data-rubric-form]");
  return (
    focused ??
    document.querySelector<HTMLElement>("[data-review-panel] [data-rubric-form][data-categorical]") ??
    document.querySelector<HTMLElement>("[data-rubric-form][data-categorical]")
  );
}
