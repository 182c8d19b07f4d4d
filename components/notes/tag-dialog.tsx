"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { ThemeRef } from "@/lib/themes/theme-types";

export type TagChoice = { kind: "theme"; theme: ThemeRef } | { kind: "create"; name: string };

const notesNoun = (n: number) => `${n} note${n === 1 ? "" : "s"}`;

// Best matches first: the exact name, then names starting with the text, then the rest.
function matching(themes: ThemeRef[], query: string): ThemeRef[] {
  const text = query.trim().toLowerCase();
  if (!text) return themes;
  const rank = (name: string) => (name === text ? 0 : name.startsWith(text) ? 1 : 2);
  return themes
    .filter((theme) => theme.name.toLowerCase().includes(text))
    .sort((a, b) => rank(a.name.toLowerCase()) - rank(b.name.toLowerCase()));
}

// "Tag notes": a modal dialog with a combobox over the project's themes. Typing
// filters them, arrows move through the list, Enter applies the active one, and
// the last option creates a theme named as typed, tagging the notes with it.
export function TagDialog({ count, themes, onChoose, onClose }: {
  count: number;
  themes: ThemeRef[];
  onChoose: (choice: TagChoice) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const ids = { title: useId(), list: useId(), option: useId() };
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const name = query.trim().replace(/\s+/g, " ");
  const found = matching(themes, query);
  const exact = found.some((theme) => theme.name.toLowerCase() === name.toLowerCase());
  const choices: TagChoice[] = [
    ...found.map((theme) => ({ kind: "theme" as const, theme })),
    ...(name && !exact ? [{ kind: "create" as const, name }] : []),
  ];
  const current = Math.min(active, choices.length - 1);
  const choose = (choice: TagChoice | undefined) => {
    if (!choice) return;
    dialog.current?.close();
    onChoose(choice);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves && choices.length > 0) {
      event.preventDefault();
      setActive((current + moves[event.key] + choices.length) % choices.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(choices[current]);
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      onClose={onClose}
      className="m-auto mt-[15vh] w-full max-w-md rounded-lg border border-zinc-200 bg-white p-4 text-left shadow-xl backdrop:bg-zinc-900/30"
    >
      <h2 id={ids.title} className="text-base font-semibold text-zinc-900">
        Tag {notesNoun(count)}
      </h2>
      <input
        autoFocus
        role="combobox"
        aria-label="Theme"
        aria-expanded="true"
        aria-controls={ids.list}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? `${ids.option}-${current}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Type to find a theme or name a new one"
        maxLength={120}
        className="mt-3 h-9 w-full rounded border border-zinc-300 px-2 text-sm focus:border-indigo-500"
      />
      <ul id={ids.list} role="listbox" aria-label="Themes" className="mt-2 max-h-64 overflow-y-auto rounded border border-zinc-200">
        {choices.length === 0 ? (
          <li className="px-3 py-2 text-sm text-zinc-500">No themes yet: type a name to create the first.</li>
        ) : null}
        {choices.map((choice, index) => (
          <li
            key={choice.kind === "theme" ? choice.theme.id : "create"}
            id={`${ids.option}-${index}`}
            role="option"
            aria-selected={index === current}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(choice)}
            onMouseEnter={() => setActive(index)}
            className={`cursor-pointer px-3 py-1.5 text-sm ${index === current ? "bg-indigo-50 text-indigo-900" : "text-zinc-800"}`}
          >
            {choice.kind === "theme" ? choice.theme.name : <span className="font-medium">Create theme &apos;{choice.name}&apos;</span>}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-zinc-500">↑ ↓ to choose, Enter to apply, Esc to cancel.</p>
    </dialog>
  );
}
