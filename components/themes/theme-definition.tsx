"use client";

import { useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { updateThemeAction } from "@/lib/actions/themes/update-theme";
import { DescriptionField } from "./description-field";
import { buttonClass } from "./modal";

// A theme's name and description, edited in place by a lead. The rendered
// description comes from the server (children): markdown, rendered safely.
export function ThemeDefinition({ theme, manage, children }: { theme: { id: number; name: string; description: string }; manage: boolean; children: React.ReactNode }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(theme.name);
  const [description, setDescription] = useState(theme.description);
  const [state, setState] = useState<ActionState<unknown>>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const edit = () => {
    setName(theme.name);
    setDescription(theme.description);
    setState({ status: "idle" });
    setEditing(true);
  };
  const save = () =>
    startTransition(async () => {
      const outcome = await updateThemeAction({ themeId: theme.id, name, description });
      setState(outcome);
      if (outcome.status === "success") setEditing(false);
    });

  if (!editing) {
    return (
      <div className="space-y-2">
        <div className="flex items-center gap-3">
          <h1 className="text-lg font-semibold tracking-tight text-zinc-900">{theme.name}</h1>
          {manage ? (
            <button type="button" onClick={edit} className="h-7 rounded border border-zinc-300 px-2 text-xs hover:bg-zinc-50">
              Edit<span className="sr-only"> name and description</span>
            </button>
          ) : null}
        </div>
        {theme.description ? children : <p className="text-sm text-zinc-500">No description yet.</p>}
        {state.status === "success" ? <FormMessage state={state} /> : null}
      </div>
    );
  }
  return (
    <form aria-label="Edit theme" onSubmit={(event) => (event.preventDefault(), save())} className="max-w-2xl space-y-3">
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
        Name
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          autoFocus
          aria-invalid={errors?.name ? true : undefined}
          className="h-9 rounded border border-zinc-300 px-2.5 text-sm font-normal focus:border-indigo-500 aria-invalid:border-red-500"
        />
        {errors?.name ? <span className="text-xs font-normal text-red-600">Name {errors.name[0]}</span> : null}
      </label>
      <DescriptionField rows={6} value={description} onChange={setDescription} errors={errors?.description} />
      <FormMessage state={state} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={buttonClass.primary}>
          {pending ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={() => setEditing(false)} className={buttonClass.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}
