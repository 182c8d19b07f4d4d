"use client";

import { useId, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { createThemeAction } from "@/lib/actions/themes/create-theme";
import { dismissGroupAction } from "@/lib/actions/themes/dismiss-group";
import { nameGroupAction } from "@/lib/actions/themes/name-group";
import { tagNotesAction } from "@/lib/actions/themes/tag-notes";
import { truncate } from "@/lib/format";
import type { SuggestedGroup, ThemeRef } from "@/lib/themes/theme-types";
import { buttonClass } from "./modal";

const notes = (n: number) => `${n} note${n === 1 ? "" : "s"}`;

/** One proposed group and its three actions; `onDone` takes it off the list with a message. */
export function SuggestedGroupCard({ projectId, group, themes, llm, onDone }: {
  projectId: number; group: SuggestedGroup; themes: ThemeRef[]; llm: boolean; onDone: (message: string) => void;
}) {
  const [name, setName] = useState(group.proposedName);
  const [description, setDescription] = useState("");
  const [themeId, setThemeId] = useState<number | "">("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const headingId = useId();
  const run = (action: () => Promise<ActionState<unknown>>) =>
    startTransition(async () => {
      const outcome = await action();
      if (outcome.status === "error") setError(outcome.fieldErrors?.name?.[0] ? `Name ${outcome.fieldErrors.name[0]}` : outcome.message);
      else if (outcome.status === "success") onDone(outcome.message ?? "Done.");
    });
  const accept = () => run(() => createThemeAction({ projectId, name, description: description || undefined, noteIds: group.noteIds }));
  const add = () => themeId !== "" && run(() => tagNotesAction({ themeId, noteIds: group.noteIds }));
  const dismiss = () => run(() => dismissGroupAction({ projectId, noteIds: group.noteIds }));
  const nameWithLlm = () =>
    startTransition(async () => {
      const outcome = await nameGroupAction({ projectId, noteIds: group.noteIds });
      if (outcome.status === "success" && outcome.data) {
        setName(outcome.data.name);
        setDescription(outcome.data.definition);
        setError(null);
      } else if (outcome.status === "error") setError(outcome.message);
    });

  return (
    <li aria-labelledby={headingId} aria-busy={pending} className="rounded-lg border border-zinc-200 bg-white p-4">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id={headingId} className="text-sm font-semibold text-zinc-900">
          {group.proposedName} <span className="font-normal text-zinc-500">· {notes(group.noteIds.length)}</span>
        </h2>
        <p className="text-xs text-zinc-500">
          Top terms:{" "}
          {group.topTerms.map((term) => (
            <span key={term} className="ml-1 rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-zinc-700">
              {term}
            </span>
          ))}
        </p>
      </div>
      <ul aria-label="Examples" className="mt-2 space-y-1 border-l-2 border-zinc-200 pl-3 text-sm text-zinc-700">
        {group.examples.map((example) => (
          <li key={example.id}>{truncate(example.text, 220)}</li>
        ))}
      </ul>
      <div className="mt-3 grid grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)] gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
          Theme name
          <input value={name} onChange={(event) => setName(event.target.value)} className="h-8 rounded border border-zinc-300 px-2 text-sm font-normal text-zinc-900" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
          Definition (optional)
          <input value={description} onChange={(event) => setDescription(event.target.value)} className="h-8 rounded border border-zinc-300 px-2 text-sm font-normal text-zinc-900" />
        </label>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" onClick={accept} disabled={pending || !name.trim()} className={buttonClass.primary}>
          Accept as new theme
        </button>
        {themes.length > 0 ? (
          <span className="inline-flex items-center gap-1">
            <select
              aria-label="Add to theme"
              value={themeId}
              onChange={(event) => setThemeId(event.target.value ? Number(event.target.value) : "")}
              className="h-8 rounded border border-zinc-300 bg-white px-2 text-sm"
            >
              <option value="">Add to theme…</option>
              {themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.name}
                </option>
              ))}
            </select>
            <button type="button" onClick={add} disabled={pending || themeId === ""} className={buttonClass.secondary}>
              Add
            </button>
          </span>
        ) : null}
        <button type="button" onClick={dismiss} disabled={pending} className={buttonClass.secondary}>
          Dismiss
        </button>
        {llm ? (
          <button type="button" onClick={nameWithLlm} disabled={pending} className={`${buttonClass.secondary} ml-auto`}>
            Name with LLM
          </button>
        ) : null}
      </div>
    </li>
  );
}
