"use client";

import { useMemo, useOptimistic, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { createThemeAction } from "@/lib/actions/themes/create-theme";
import { splitThemeAction } from "@/lib/actions/themes/split-theme";
import { tagNotesAction, untagNotesAction } from "@/lib/actions/themes/tag-notes";
import type { ThemeRef } from "@/lib/themes/theme-types";

type ThemesByNote = Record<number, ThemeRef[]>;
type Change = { noteIds: number[]; add?: ThemeRef; remove?: number };

function applyChange(current: ThemesByNote, { noteIds, add, remove }: Change): ThemesByNote {
  const next = { ...current };
  for (const id of noteIds) {
    let themes = (next[id] ?? []).filter((theme) => theme.id !== remove);
    if (add && !themes.some((theme) => theme.name === add.name)) {
      themes = [...themes, add].sort((a, b) => a.name.localeCompare(b.name));
    }
    next[id] = themes;
  }
  return next;
}

const notesNoun = (n: number) => `${n} note${n === 1 ? "" : "s"}`;
// A theme created here has no id until the server answers.
const pendingTheme = (name: string): ThemeRef => ({ id: -1, name });

// Tagging, untagging and splitting from the notes page. The chips change at once
// (useOptimistic) and settle when the action's revalidation re-renders the page;
// a failure puts them back and says why.
export function useThemeEdits(notes: { id: number; themes: ThemeRef[] }[], onDone: () => void) {
  const base = useMemo(() => Object.fromEntries(notes.map((note) => [note.id, note.themes])), [notes]);
  const [themesByNote, change] = useOptimistic(base, applyChange);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (optimistic: Change, action: () => Promise<ActionState<unknown>>, success: string, clearSelection = true) => {
    setStatus(null);
    startTransition(async () => {
      change(optimistic);
      const outcome = await action();
      if (outcome.status === "error") {
        setStatus({ text: outcome.message, error: true });
        return;
      }
      setStatus({ text: success, error: false });
      if (clearSelection) onDone();
    });
  };

  return {
    themesOf: (id: number) => themesByNote[id] ?? [],
    status,
    pending,
    tag: (noteIds: number[], theme: ThemeRef) =>
      run({ noteIds, add: theme }, () => tagNotesAction({ themeId: theme.id, noteIds }), `Tagged ${notesNoun(noteIds.length)} with '${theme.name}'`),
    createAndTag: (projectId: number, noteIds: number[], name: string) =>
      run(
        { noteIds, add: pendingTheme(name) },
        () => createThemeAction({ projectId, name, noteIds }),
        `Created theme '${name}' and tagged ${notesNoun(noteIds.length)} with it`,
      ),
    // From a chip (one note) the selection stays; from the toolbar it clears.
    untag: (noteIds: number[], theme: ThemeRef, clearSelection = true) =>
      run(
        { noteIds, remove: theme.id },
        () => untagNotesAction({ themeId: theme.id, noteIds }),
        `Removed '${theme.name}' from ${notesNoun(noteIds.length)}`,
        clearSelection,
      ),
    split: (noteIds: number[], from: ThemeRef, name: string) =>
      run(
        { noteIds, remove: from.id, add: pendingTheme(name) },
        () => splitThemeAction({ themeId: from.id, noteIds, name }),
        `Moved ${notesNoun(noteIds.length)} from '${from.name}' to new theme '${name}'`,
      ),
  };
}
