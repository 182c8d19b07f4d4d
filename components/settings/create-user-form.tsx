"use client";

import { useActionState } from "react";
import { createUserAction } from "@/lib/actions/settings/manage-users";
import { idle } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Field, FormMessage, PrimaryButton } from "@/components/ui/field";
import { roles } from "@/lib/auth/roles";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <ActionForm action={action} className="grid max-w-2xl grid-cols-2 gap-4" aria-label="Create user">
      <div className="col-span-2">
        <FormMessage state={state} />
      </div>
      <Field name="name" label="Name" required errors={errors?.name} />
      <Field name="email" label="Email" type="email" required errors={errors?.email} />
      <Field name="password" label="Initial password" type="password" autoComplete="new-password" required errors={errors?.password} />
      <div className="flex flex-col gap-1">
        <label htmlFor="role" className="text-sm font-medium text-zinc-700">
          Role
        </label>
        <select id="role" name="role" defaultValue="REVIEWER" className="h-9 rounded border border-zinc-300 bg-white px-2 text-sm">
          {roles.map((role) => (
            <option key={role} value={role}>
              {role.toLowerCase()}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2">
        <PrimaryButton pending={pending}>Create user</PrimaryButton>
      </div>
    </ActionForm>
  );
}
