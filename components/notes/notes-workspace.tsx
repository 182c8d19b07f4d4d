"use client";

import { useRef, useState } from "react";
import type { ThemeRef } from "@/lib/themes/theme-types";
import { NoteBody } from "./note-body";
import type { NoteView } from "./note-view";
import { NotesToolbar } from "./notes-toolbar";
import { SplitDialog } from "./split-dialog";
import { TagDialog, type TagChoice } from "./tag-dialog";
import { ThemeChips } from "./theme-chips";
import { useNoteKeys } from "./use-note-keys";
import { useNoteSelection } from "./use-note-selection";
import { useThemeEdits } from "./use-theme-edits";

export type NoteItemData = {
  id: number;
  // A short plain-text summary, for the checkbox's accessible name.
  summary: string;
  themes: ThemeRef[];
  // Who, when, where, its text and the labels there, as values (drawn here, by NoteBody).
  view: NoteView;
};

type Dialog = { kind: "tag" | "split"; noteIds: number[] } | null;

// The notes of one page, with multi-select and tagging for those who manage
// themes; everyone else reads, and moves with j/k.
export function NotesWorkspace({ projectId, projectName, themesBase, notes, themes, filterTheme, canManage, empty }: {
  projectId: number;
  projectName: string;
  themesBase: string;
  notes: NoteItemData[];
  themes: ThemeRef[];
  filterTheme: ThemeRef | null;
  canManage: boolean;
  // Shown instead of the list when no note matches (it stays mounted, so the
  // status of the tagging that emptied the list is still announced).
  empty: React.ReactNode;
}) {
  const ids = notes.map((note) => note.id);
  const selection = useNoteSelection(ids);
  const edits = useThemeEdits(notes, selection.clear);
  const [focus, setFocus] = useState(-1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useRef<HTMLOListElement>(null);
  const items = useRef(new Map<number, HTMLLIElement>());
  const focused = Math.min(focus, notes.length - 1);
  const targets = () => (selection.selected.length > 0 ? selection.selected : focused >= 0 ? [ids[focused]] : []);

  const openTag = () => {
    const noteIds = targets();
    if (noteIds.length > 0) setDialog({ kind: "tag", noteIds });
  };
  useNoteKeys(list, {
    move: (step) => {
      const next = Math.max(0, Math.min(notes.length - 1, focused + step));
      setFocus(next);
      const element = items.current.get(ids[next]);
      element?.focus({ preventScroll: true });
      element?.scrollIntoView({ block: "nearest" });
    },
    toggle: canManage ? () => focused >= 0 && selection.toggle(focused) : undefined,
    tag: canManage ? openTag : undefined,
    clear: canManage ? selection.clear : undefined,
  });
  const onChoose = (noteIds: number[]) => (choice: TagChoice) => {
    if (choice.kind === "theme") edits.tag(noteIds, choice.theme);
    else edits.createAndTag(projectId, noteIds, choice.name);
  };
  const themeHref = (id: number) => `${themesBase}/${id}`;

  return (
    <div>
      {canManage && (notes.length > 0 || edits.status) ? (
        <NotesToolbar
          selected={selection.selected.length}
          total={notes.length}
          filterTheme={filterTheme}
          pending={edits.pending}
          status={edits.status}
          onTag={openTag}
          onSelectAll={selection.selectAll}
          onClear={selection.clear}
          onSplit={() => setDialog({ kind: "split", noteIds: selection.selected })}
          onRemove={() => filterTheme && edits.untag(selection.selected, filterTheme)}
        />
      ) : null}
      {notes.length === 0 ? empty : null}
      <ol ref={list} hidden={notes.length === 0} aria-label="Notes" className="space-y-2">
        {notes.map((note, index) => {
          const selected = selection.isSelected(note.id);
          return (
            <li
              key={note.id}
              ref={(element) => {
                if (element) items.current.set(note.id, element);
                else items.current.delete(note.id);
              }}
              tabIndex={-1}
              aria-current={index === focused ? "true" : undefined}
              data-note-id={note.id}
              onClick={() => setFocus(index)}
              className={`flex scroll-mt-28 scroll-mb-4 gap-3 rounded-lg border bg-white px-3 py-2.5 outline-none ${
                selected ? "border-indigo-300 bg-indigo-50/40" : "border-zinc-200"
              } ${index === focused ? "ring-2 ring-indigo-500 ring-offset-1" : ""}`}
            >
              {canManage ? (
                <input
                  type="checkbox"
                  checked={selected}
                  onChange={(event) => selection.toggle(index, (event.nativeEvent as MouseEvent).shiftKey === true)}
                  aria-label={`Select note: ${note.summary}`}
                  className="mt-1 size-4 shrink-0 accent-indigo-600"
                />
              ) : null}
              <div className="min-w-0 flex-1 space-y-1.5">
                <NoteBody projectName={projectName} note={note.view} />
                <ThemeChips
                  themes={edits.themesOf(note.id)}
                  themeHref={themeHref}
                  onRemove={canManage ? (theme) => edits.untag([note.id], theme, false) : null}
                />
              </div>
            </li>
          );
        })}
      </ol>
      {dialog?.kind === "tag" ? (
        <TagDialog count={dialog.noteIds.length} themes={themes} onChoose={onChoose(dialog.noteIds)} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "split" && filterTheme ? (
        <SplitDialog
          count={dialog.noteIds.length}
          from={filterTheme.name}
          onSplit={(name) => edits.split(dialog.noteIds, filterTheme, name)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
