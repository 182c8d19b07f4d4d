import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { RESERVED_NOTE_NAME } from "./wire-schemas";
import { resolveTargets, type TargetKind } from "./targets";

// Notes are annotations named "note" with the text in explanation (Phoenix's
// wire form). Without an identifier each note is a new row keyed
// px-<target>-note:<uuid4>, so notes accumulate; with one, it is an upsert.
const identifierPrefix: Record<TargetKind, string> = {
  SPAN: "px-span-note:",
  TRACE: "px-trace-note:",
  SESSION: "px-session-note:",
};

/**
 * Writes a note. A writer updates only notes it owns: an identifier that names
 * someone else's note is refused (403) and nothing changes, whatever the role —
 * a note is its author's words, so unlike annotations no role may overwrite it.
 * System keys have no user: their notes have no owner and any system key may
 * update them (there is no per-key owner column). The ownership check sits in
 * the ON CONFLICT clause, so it also holds against a concurrent writer.
 */
export async function writeNote(
  actor: Actor | null,
  kind: TargetKind,
  externalId: string,
  text: string,
  options: { identifier?: string | null; source: "API" | "APP" },
): Promise<number> {
  authorize(actor, "write-note");
  const target = (await resolveTargets(kind, [externalId])).get(externalId)!;
  const identifier = options.identifier || `${identifierPrefix[kind]}${randomUUID()}`;
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    INSERT INTO annotations (target_type, target_id, document_position, name, identifier, project_id,
      span_row_id, trace_row_id, session_row_id, explanation, annotator_kind, source, user_id)
    VALUES (${kind}::"AnnotationTarget", ${target.targetId}, -1, ${RESERVED_NOTE_NAME}, ${identifier},
      ${target.projectId}, ${target.spanRowId}, ${target.traceRowId}, ${target.sessionRowId}, ${text},
      'HUMAN'::"AnnotatorKind", ${options.source}::"AnnotationSource", ${actor.userId}::uuid)
    ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET
      explanation = EXCLUDED.explanation, annotator_kind = EXCLUDED.annotator_kind, source = EXCLUDED.source,
      updated_at = now()
    WHERE annotations.user_id IS NOT DISTINCT FROM EXCLUDED.user_id
    RETURNING id`;
  if (rows.length === 0) {
    throw new ForbiddenError(`Note ${identifier} belongs to someone else: you may change only your own notes.`);
  }
  return rows[0].id;
}
