"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { formatDateTime } from "@/lib/format";
import type { NoteView } from "@/lib/review/notes";

// One note; its author may edit or delete it (the old text is kept in history).
export function NoteItem({ note, children, onEdit, onDelete }: {
  note: NoteView;
  children: React.ReactNode;
  onEdit: (text: string) => Promise<ActionState>;
  onDelete: () => Promise<ActionState>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const box = useRef<HTMLTextAreaElement>(null);
  // Edit means "type now": the box takes focus with the caret after the text.
  useEffect(() => {
    const element = box.current;
    if (!editing || !element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, [editing]);
  const run = (work: () => Promise<ActionState>) =>
    startTransition(async () => {
      const outcome = await work();
      setError(outcome.status === "error" ? outcome.message : null);
      if (outcome.status !== "error") setEditing(false);
    });
  const saved = note.id > 0;
  return (
    <li className={`rounded border border-zinc-200 bg-white px-2 py-1.5 ${saved ? "" : "opacity-70"}`} data-note>
      <div className="mb-0.5 flex items-center justify-between gap-2 text-[10px] text-zinc-400">
        <span>
          <span className="font-medium text-zinc-600">{note.mine ? "you" : note.userName ?? "unknown"}</span>
          {note.spanName ? <> on <span className="font-mono">{note.spanName}</span></> : note.targetType === "TRACE" ? " on trace" : null}
        </span>
        <span className="font-mono">{saved ? formatDateTime(note.createdAt) : "saving…"}</span>
      </div>
      {editing ? (
        <div className="space-y-1">
          <label className="sr-only" htmlFor={`note-edit-${note.id}`}>Edit note</label>
          <textarea
            id={`note-edit-${note.id}`}
            ref={box}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setEditing(false)}
            rows={3}
            className="w-full rounded border border-zinc-300 px-2 py-1 text-xs"
          />
          <div className="flex gap-2 text-[11px]">
            <button type="button" disabled={pending} onClick={() => run(() => onEdit(draft))} className="font-medium text-indigo-700">Save</button>
            <button type="button" onClick={() => setEditing(false)} className="text-zinc-500">Cancel</button>
          </div>
        </div>
      ) : (
        children
      )}
      {note.mine && saved && !editing ? (
        <div className="mt-0.5 flex gap-2 text-[10px] text-zinc-400">
          <button type="button" onClick={() => setEditing(true)} className="hover:text-zinc-700">Edit</button>
          <button type="button" disabled={pending} onClick={() => run(onDelete)} className="hover:text-red-700">Delete</button>
        </div>
      ) : null}
      {error ? <p role="alert" className="text-[11px] text-red-600">{error}</p> : null}
    </li>
  );
}
