"use client";

import { useActionState } from "react";
import { createApiKeyAction } from "@/lib/actions/settings/manage-api-keys";
import type { ActionState } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Field, FormMessage, PrimaryButton } from "@/components/ui/field";
import { roles } from "@/lib/auth/roles";

const initial: ActionState<string> = { status: "idle" };

export function CreateApiKeyForm({ allowSystem }: { allowSystem: boolean }) {
  const [state, action, pending] = useActionState(createApiKeyAction, initial);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <div className="space-y-4">
      <ActionForm action={action} className="flex max-w-xl flex-wrap items-end gap-4" aria-label="Create API key">
        <div className="min-w-60 flex-1">
          <Field name="name" label="Key name" placeholder="e.g. eval script" required errors={errors?.name} />
        </div>
        {allowSystem ? (
          <>
            <label className="flex h-9 items-center gap-2 text-sm">
              <input type="checkbox" name="system" /> System key
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
              System key role
              <select name="role" defaultValue="REVIEWER" className="h-9 rounded border border-zinc-300 bg-white px-2 text-sm font-normal">
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {role.toLowerCase()}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
        <PrimaryButton pending={pending}>Create key</PrimaryButton>
      </ActionForm>
      <FormMessage state={state} />
      {state.status === "success" && state.data ? (
        <div className="max-w-xl rounded border border-amber-300 bg-amber-50 p-3">
          <label htmlFor="new-api-key" className="text-sm font-medium text-amber-900">
            Your new API key (shown once)
          </label>
          <input
            id="new-api-key"
            readOnly
            value={state.data}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs"
          />
          <p className="mt-1 text-xs text-amber-800">
            Use it as <code>Authorization: Bearer …</code> or <code>PHOENIX_API_KEY</code>.
          </p>
        </div>
      ) : null}
    </div>
  );
}
