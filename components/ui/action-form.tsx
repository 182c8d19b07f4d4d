"use client";

import { useTransition } from "react";

// A form for a useActionState action that keeps what the person typed: React
// resets a <form action={…}> after every submission, which would wipe the
// fields a validation error asks them to correct.
export function ActionForm({
  action,
  children,
  ...props
}: { action: (data: FormData) => void } & Omit<React.FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit">) {
  const [, startTransition] = useTransition();
  return (
    <form
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      {children}
    </form>
  );
}
