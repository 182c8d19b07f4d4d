"use client";

import { useActionState } from "react";
import { createFirstAdminAction } from "@/lib/actions/auth/create-first-admin";
import { idle } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Field, FormMessage, PrimaryButton } from "@/components/ui/field";

export function FirstAdminForm() {
  const [state, action, pending] = useActionState(createFirstAdminAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <Field name="name" label="Your name" autoComplete="name" required autoFocus errors={errors?.name} />
      <Field name="email" label="Email" type="email" autoComplete="username" required errors={errors?.email} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" required errors={errors?.password} />
      <PrimaryButton pending={pending}>{pending ? "Creating…" : "Create admin account"}</PrimaryButton>
    </ActionForm>
  );
}
