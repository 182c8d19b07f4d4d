import Link from "next/link";
import { SpanKindBadge } from "@/components/ui/span-kind-badge";
import { paths } from "@/lib/url";
import type { NoteView } from "./note-view";

const link = "font-medium text-indigo-700 hover:underline";

// Where a note was written, one click from the exact span, trace or session.
export function NoteTarget({ projectName, note }: { projectName: string; note: NoteView }) {
  if (note.targetType === "SPAN" && note.traceId && note.spanId) {
    return (
      <span className="inline-flex items-center gap-1">
        span
        <Link href={paths.trace(projectName, note.traceId, note.spanId)} className={`${link} font-mono`}>
          {note.spanName ?? note.spanId}
        </Link>
        <SpanKindBadge kind={note.spanKind} />
      </span>
    );
  }
  if (note.targetType === "TRACE" && note.traceId) {
    return (
      <span className="inline-flex items-center gap-1">
        trace
        <Link href={paths.trace(projectName, note.traceId)} className={`${link} font-mono`}>
          {note.traceRootName ?? note.traceId.slice(0, 12)}
        </Link>
      </span>
    );
  }
  if (note.targetType === "SESSION" && note.sessionId) {
    return (
      <span className="inline-flex items-center gap-1">
        session
        <Link href={paths.session(projectName, note.sessionId)} className={`${link} font-mono`}>
          {note.sessionId}
        </Link>
      </span>
    );
  }
  return <span className="text-zinc-400">{note.targetType.toLowerCase()} (no longer stored)</span>;
}
