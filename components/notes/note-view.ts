import { formatDateTime } from "@/lib/format";
import type { NoteListRow } from "@/lib/themes/theme-types";

/**
 * One note as the notes list draws it: values only, the time already formatted.
 * The client list renders it (note-body.tsx), so the page's RSC payload carries
 * this small object per note rather than the note's rendered tree (the markdown
 * with its long prose classes, the links, the labels).
 */
export type NoteView = Pick<
  NoteListRow,
  "text" | "headline" | "targetType" | "traceId" | "traceRootName" | "spanId" | "spanName" | "spanKind" | "sessionId" | "labels"
> & { author: string; dateTime: string; time: string };

export function noteView(note: NoteListRow): NoteView {
  return {
    text: note.text,
    headline: note.headline,
    targetType: note.targetType,
    traceId: note.traceId,
    traceRootName: note.traceRootName,
    spanId: note.spanId,
    spanName: note.spanName,
    spanKind: note.spanKind,
    sessionId: note.sessionId,
    labels: note.labels,
    author: note.author.name ?? "unknown author",
    dateTime: note.createdAt.toISOString(),
    time: formatDateTime(note.createdAt),
  };
}
