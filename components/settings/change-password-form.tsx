"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/actions/settings/change-password";
import { idle } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Field, FormMessage, PrimaryButton } from "@/components/ui/field";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <ActionForm action={action} className="flex max-w-sm flex-col gap-4">
      <FormMessage state={state} />
      <Field name="current" label="Current password" type="password" autoComplete="current-password" required errors={errors?.current} />
      <Field name="next" label="New password" type="password" autoComplete="new-password" required errors={errors?.next} />
      <Field name="confirm" label="Confirm new password" type="password" autoComplete="new-password" required errors={errors?.confirm} />
      <PrimaryButton pending={pending}>Change password</PrimaryButton>
    </ActionForm>
  );
}
