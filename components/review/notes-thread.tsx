"use client";

import { useOptimistic, useRef, useState, useTransition } from "react";
import { MarkdownView } from "@/components/trace/markdown-view";
import { deleteNoteAction, editNoteAction, writeNoteAction } from "@/lib/actions/review/notes";
import type { NoteView } from "@/lib/review/notes";
import { NoteItem } from "./note-item";

export type NoteTarget = { kind: "SPAN" | "TRACE" | "SESSION"; externalId: string; label: string };

// The open-coding thread: append-only notes, the newest last, and a box that
// `n` focuses. A note shows at once and rolls back if the server refuses it.
export function NotesThread({ notes, targets, canWrite }: { notes: NoteView[]; targets: NoteTarget[]; canWrite: boolean }) {
  const [shown, addOptimistic] = useOptimistic(notes, (current, note: NoteView) => [...current, note]);
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState("");
  const [targetIndex, setTargetIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  const submit = () => {
    const note = text.trim();
    const target = targets[targetIndex];
    if (!note || !target) return;
    setText("");
    startTransition(async () => {
      setError(null);
      addOptimistic({
        id: -Date.now(), targetType: target.kind, spanId: target.kind === "SPAN" ? target.externalId : null,
        spanName: target.kind === "SPAN" ? target.label : null, text: note, userName: "you",
        createdAt: new Date(), updatedAt: new Date(), mine: true,
      });
      const outcome = await writeNoteAction({ kind: target.kind, externalId: target.externalId, note });
      if (outcome.status === "error") {
        setError(outcome.message);
        setText(note);
      }
    });
  };

  return (
    <section aria-label="Notes" className="space-y-2">
      <h3 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Notes ({shown.length})</h3>
      {shown.length === 0 ? <p className="text-xs text-zinc-400">No notes yet.{canWrite ? " Press n to write one." : ""}</p> : null}
      <ol className="space-y-1.5">
        {shown.map((note) => (
          <NoteItem key={note.id} note={note} onEdit={(t) => editNoteAction({ noteId: note.id, note: t })} onDelete={() => deleteNoteAction(note.id)}>
            <MarkdownView text={note.text} />
          </NoteItem>
        ))}
      </ol>
      {canWrite ? (
        <div className="space-y-1">
          {targets.length > 1 ? (
            <label className="flex items-center gap-1.5 text-[11px] text-zinc-500">
              Note on
              <select value={targetIndex} onChange={(e) => setTargetIndex(Number(e.target.value))} className="h-6 rounded border border-zinc-300 bg-white px-1 text-[11px]">
                {targets.map((t, i) => (
                  <option key={t.externalId} value={i}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label htmlFor="note-box" className="sr-only">
            New note
          </label>
          <textarea
            id="note-box"
            ref={box}
            data-note-box
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.shiftKey) {
                event.preventDefault();
                submit();
              } else if (event.key === "Escape") box.current?.blur();
            }}
            placeholder="What do you notice? Enter saves, Shift+Enter for a new line, markdown welcome"
            className="w-full resize-y rounded border border-zinc-300 px-2 py-1.5 text-xs placeholder:text-zinc-400 focus:border-indigo-500"
          />
          <div className="flex items-center justify-between">
            <span aria-live="polite" className="text-[11px] text-red-600">{error}</span>
            <button type="button" onClick={submit} disabled={pending || !text.trim()} className="h-7 rounded bg-indigo-600 px-2.5 text-xs font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
              Add note
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
