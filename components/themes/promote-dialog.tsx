"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { promoteThemesAction } from "@/lib/actions/themes/promote-themes";
import { snakeCase } from "@/lib/themes/snake-case";
import type { ThemeRef } from "@/lib/themes/theme-types";
import { buttonClass, DialogButtons, Modal } from "./modal";

type Mode = "categorical" | "boolean";

// The domain's rule for rubric names, so what the lead sees is what is made.
const snake = snakeCase;

/** Themes → rubric(s), then the rubric editor so the lead can adjust before reviewers use it. */
export function PromoteDialog({ projectId, themes, open, onClose }: { projectId: number; themes: ThemeRef[]; open: boolean; onClose: () => void }) {
  const title = themes.length === 1 ? `Promote ${themes[0].name} to a rubric` : `Promote ${themes.length} themes to a rubric`;
  return (
    <Modal open={open} onClose={onClose} title={title}>
      <PromoteForm projectId={projectId} themes={themes} onCancel={onClose} />
    </Modal>
  );
}

function PromoteForm({ projectId, themes, onCancel }: { projectId: number; themes: ThemeRef[]; onCancel: () => void }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("categorical");
  const [name, setName] = useState(() => snake(themes.map((theme) => theme.name).join(" ")));
  const [state, setState] = useState<ActionState<{ rubricIds: number[] }>>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  // One boolean rubric per theme takes each theme's name; one name only makes sense for one rubric.
  const named = mode === "categorical" || themes.length === 1;
  const nameError = state.status === "error" ? state.fieldErrors?.name?.[0] : undefined;

  const submit = () =>
    startTransition(async () => {
      const outcome = await promoteThemesAction({ projectId, themeIds: themes.map((theme) => theme.id), mode, name: named ? name : undefined });
      setState(outcome);
      if (outcome.status === "success" && outcome.data?.rubricIds.length) router.push(`/rubrics/${outcome.data.rubricIds[0]}?created=1`);
    });

  return (
    <form aria-label="Promote to rubric" onSubmit={(event) => (event.preventDefault(), submit())} className="space-y-3 text-sm">
      <p className="text-zinc-600">
        Themes: <span className="font-medium text-zinc-900">{themes.map((theme) => theme.name).join(", ")}</span>. Each description
        becomes the label&apos;s guideline; the rubric is attached to this project.
      </p>
      <fieldset className="space-y-1.5">
        <legend className="mb-1 font-medium text-zinc-700">Rubric</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="mode" className="mt-1" checked={mode === "categorical"} onChange={() => setMode("categorical")} />
          <span>
            One categorical rubric
            <span className="block text-xs text-zinc-500">One label per theme, plus &ldquo;none of these&rdquo;.</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="mode" className="mt-1" checked={mode === "boolean"} onChange={() => setMode("boolean")} />
          <span>
            One present/absent rubric per theme
            <span className="block text-xs text-zinc-500">Labels &ldquo;present&rdquo; and &ldquo;absent&rdquo;.</span>
          </span>
        </label>
      </fieldset>
      {named ? (
        <label className="flex flex-col gap-1 font-medium text-zinc-700">
          Rubric name
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "promote-name-error" : undefined}
            className="h-8 rounded border border-zinc-300 px-2 font-normal focus:border-indigo-500 aria-invalid:border-red-500"
          />
          {nameError ? (
            <span id="promote-name-error" className="text-xs font-normal text-red-600">
              Rubric name {nameError}
            </span>
          ) : null}
        </label>
      ) : (
        <p className="text-xs text-zinc-500">Rubrics: {themes.map((theme) => snake(theme.name)).join(", ")}.</p>
      )}
      <FormMessage state={state.status === "success" ? { status: "success", message: "Opening the rubric editor…" } : state} />
      <DialogButtons onCancel={onCancel}>
        <button type="submit" disabled={pending || state.status === "success"} className={buttonClass.primary}>
          {pending ? "Creating…" : "Create rubric"}
        </button>
      </DialogButtons>
    </form>
  );
}
