import type { Db } from "@/lib/db";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import type { PlannedNote } from "./demo-note-plan";

// The demo reviewers' notes, written as the app writes a note (lib/annotations/notes.ts:
// source APP, a human annotator, the author's user id), in one statement. The
// identifiers are fixed per note, so seeding again adds nothing; the note search
// trigger fills search_vector.

/** Writes the planned notes into the project; returns how many were new. */
export async function seedDemoNotes(db: Db, projectName: string, notes: PlannedNote[]): Promise<number> {
  if (notes.length === 0) return 0;
  const column = <T>(pick: (note: PlannedNote) => T) => notes.map(pick);
  return db.$executeRaw`
    INSERT INTO annotations (target_type, target_id, document_position, name, identifier, project_id,
      span_row_id, trace_row_id, session_row_id, explanation, annotator_kind, source, user_id, created_at, updated_at)
    SELECT n.kind::"AnnotationTarget", coalesce(s.id, t.id, se.id), -1, ${RESERVED_NOTE_NAME}, n.identifier, p.id,
      s.id, coalesce(s.trace_row_id, t.id), se.id, n.text, 'HUMAN'::"AnnotatorKind", 'APP'::"AnnotationSource", u.id,
      n.at, n.at
    FROM unnest(${column((n) => n.identifier)}::text[], ${column((n) => n.target.type)}::text[],
      ${column((n) => n.target.id)}::text[], ${column((n) => n.author)}::text[], ${column((n) => n.text)}::text[],
      ${column((n) => n.createdAt.toISOString())}::timestamptz[]) AS n(identifier, kind, external_id, email, text, at)
    JOIN projects p ON p.name = ${projectName}
    JOIN users u ON u.email = n.email
    LEFT JOIN spans s ON n.kind = 'SPAN' AND s.span_id = n.external_id AND s.project_id = p.id
    LEFT JOIN traces t ON n.kind = 'TRACE' AND t.trace_id = n.external_id AND t.project_id = p.id
    LEFT JOIN sessions se ON n.kind = 'SESSION' AND se.session_id = n.external_id AND se.project_id = p.id
    WHERE coalesce(s.id, t.id, se.id) IS NOT NULL
    ON CONFLICT (target_type, target_id, document_position, name, identifier) DO NOTHING`;
}
