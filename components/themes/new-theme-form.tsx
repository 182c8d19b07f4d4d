"use client";

import { useState, useTransition } from "react";
import { Field, FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { createThemeAction } from "@/lib/actions/themes/create-theme";
import type { ThemeRef } from "@/lib/themes/theme-types";
import { DescriptionField } from "./description-field";
import { buttonClass } from "./modal";

/** "New theme": a name and a markdown description; the list refreshes from the action's revalidation. */
export function NewThemeForm({ projectId }: { projectId: number }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [state, setState] = useState<ActionState<ThemeRef>>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const submit = () =>
    startTransition(async () => {
      const outcome = await createThemeAction({ projectId, name, description: description || undefined });
      setState(outcome);
      if (outcome.status === "success") {
        setName("");
        setDescription("");
      }
    });
  return (
    <form aria-label="New theme" onSubmit={(event) => (event.preventDefault(), submit())} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-zinc-900">New theme</h2>
      <Field name="theme-name" label="Name" value={name} onChange={(event) => setName(event.target.value)} required errors={errors?.name} />
      <DescriptionField rows={4} value={description} onChange={setDescription} errors={errors?.description} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass.primary}>
        {pending ? "Creating…" : "Create theme"}
      </button>
    </form>
  );
}
