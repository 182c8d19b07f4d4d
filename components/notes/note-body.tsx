import { formatDateTime } from "@/lib/format";
import type { NoteListRow } from "@/lib/themes/theme-types";
import { NoteLabels } from "./note-labels";
import { NoteTarget } from "./note-target";
import { NoteText } from "./note-text";

// One note as the server renders it; the themes and selection are added by the client list.
export function NoteBody({ projectName, note }: { projectName: string; note: NoteListRow }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-zinc-500">
        <span className="font-medium text-zinc-700">{note.author.name ?? "unknown author"}</span>
        <span>on</span>
        <NoteTarget projectName={projectName} note={note} />
        <time dateTime={note.createdAt.toISOString()} className="ml-auto font-mono text-[11px] text-zinc-400">
          {formatDateTime(note.createdAt)}
        </time>
      </div>
      <NoteText text={note.text} headline={note.headline} />
      <NoteLabels labels={note.labels} />
    </>
  );
}
