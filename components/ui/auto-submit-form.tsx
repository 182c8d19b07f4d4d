"use client";

// A GET form whose selects and checkboxes apply as soon as they change; text fields apply on Enter.
// Without JavaScript it still works through its submit button.
export function AutoSubmitForm({ children, className, label }: { children: React.ReactNode; className?: string; label: string }) {
  return (
    <form
      method="get"
      role="search"
      aria-label={label}
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
