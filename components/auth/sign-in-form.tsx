"use client";

import { useActionState, useState } from "react";
import { signInAction } from "@/lib/actions/auth/sign-in";
import { idle } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Field, FormMessage, PrimaryButton } from "@/components/ui/field";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, idle);
  // Controlled, so a failed attempt keeps the email (a form action resets uncontrolled fields).
  const [email, setEmail] = useState("");
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <Field name="email" label="Email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <PrimaryButton pending={pending}>{pending ? "Signing in…" : "Sign in"}</PrimaryButton>
    </ActionForm>
  );
}
