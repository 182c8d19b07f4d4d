import { NoteLabels } from "./note-labels";
import { NoteTarget } from "./note-target";
import { NoteText } from "./note-text";
import type { NoteView } from "./note-view";

// One note: who, when, where, its text and the labels there. Drawn by the client
// list from the note's values (note-view.ts); the themes and selection are the list's.
export function NoteBody({ projectName, note }: { projectName: string; note: NoteView }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-zinc-500">
        <span className="font-medium text-zinc-700">{note.author}</span>
        <span>on</span>
        <NoteTarget projectName={projectName} note={note} />
        <time dateTime={note.dateTime} className="ml-auto font-mono text-[11px] text-zinc-400">
          {note.time}
        </time>
      </div>
      <NoteText text={note.text} headline={note.headline} />
      <NoteLabels labels={note.labels} />
    </>
  );
}
