import Link from "next/link";
import { formatDateTime, truncate } from "@/lib/format";
import type { NoteListRow } from "@/lib/themes/theme-types";
import { paths } from "@/lib/url";

// Where a note is: its span, its trace or its session, one click away.
function targetOf(projectName: string, note: NoteListRow): { href: string; label: string } | null {
  if (note.sessionId && note.targetType === "SESSION") return { href: paths.session(projectName, note.sessionId), label: `session ${note.sessionId}` };
  if (!note.traceId) return null;
  if (note.targetType === "SPAN" && note.spanId) return { href: paths.trace(projectName, note.traceId, note.spanId), label: `span ${note.spanName ?? note.spanId}` };
  return { href: paths.trace(projectName, note.traceId), label: `trace ${note.traceRootName ?? note.traceId.slice(0, 8)}` };
}

export function RecentNotes({ projectName, notes }: { projectName: string; notes: NoteListRow[] }) {
  if (notes.length === 0) return <p className="text-sm text-zinc-500">No notes carry this theme yet.</p>;
  return (
    <ul aria-label="Recent notes" className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white text-sm">
      {notes.map((note) => {
        const target = targetOf(projectName, note);
        return (
          <li key={note.id} className="px-3 py-2">
            <p className="text-zinc-800">{truncate(note.text, 240)}</p>
            <p className="mt-0.5 text-xs text-zinc-500">
              {note.author.name ?? "Unknown"} · {formatDateTime(note.createdAt)}
              {target ? (
                <>
                  {" · "}
                  <Link href={target.href} className="text-indigo-700 hover:underline">
                    {target.label}
                  </Link>
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
