"use client";

import { useEffect, useRef } from "react";

// A select or checkbox no longer as the server drew it: changed by the reader
// before the page was hydrated, when no one was listening for the change.
function changedBeforeHydration(control: Element): boolean {
  if (control instanceof HTMLSelectElement && !control.multiple) {
    const drawn = [...control.options].findIndex((option) => option.defaultSelected);
    return control.selectedIndex !== Math.max(drawn, 0);
  }
  return control instanceof HTMLInputElement && control.type === "checkbox" && control.checked !== control.defaultChecked;
}

// A GET form whose selects and checkboxes apply as soon as they change; text fields apply on Enter.
// Without JavaScript it still works through its submit button. A choice made
// while the page was still loading applies once it is ready. The browser does
// not restore the controls on Back (autocomplete off): the URL says what is
// filtered, and a restored choice would disagree with it (or, applied, undo Back).
export function AutoSubmitForm({ children, className, label }: { children: React.ReactNode; className?: string; label: string }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const element = form.current;
    if (element && [...element.elements].some(changedBeforeHydration)) element.requestSubmit();
  }, []);
  return (
    <form
      ref={form}
      method="get"
      role="search"
      aria-label={label}
      autoComplete="off"
      className={className}
      onChange={(event) => {
        const { target } = event;
        if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "checkbox")) {
          event.currentTarget.requestSubmit();
        }
      }}
    >
      {children}
    </form>
  );
}
