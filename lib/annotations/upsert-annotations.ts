import { prisma } from "@/lib/db";
import { ForbiddenError, UnprocessableError } from "@/lib/errors";
import type { AnnotationSource, AnnotationTarget, AnnotatorKind } from "@/lib/generated/prisma/enums";
import { authorize, can, type Actor } from "@/lib/auth/permissions";
import { resolveTargets, targetKindOf, type ResolvedTarget } from "./targets";

export type AnnotationWrite = {
  target: AnnotationTarget;
  externalId: string;
  documentPosition?: number;
  name: string;
  label?: string | null;
  score?: number | null;
  explanation?: string | null;
  metadata?: Record<string, unknown> | null;
  annotatorKind: AnnotatorKind;
  identifier?: string | null;
};

type Row = { target: ResolvedTarget; write: AnnotationWrite; position: number; identifier: string };
const keyOf = (targetId: number, position: number, name: string, identifier: string) =>
  JSON.stringify([targetId, position, name, identifier]);

function checkDocumentPosition(write: AnnotationWrite, target: ResolvedTarget): number {
  if (write.target !== "DOCUMENT") return -1;
  const position = write.documentPosition ?? -1;
  if (position < 0 || position >= target.documentCount) {
    throw new UnprocessableError(
      `Document position ${position} is out of range for span ${write.externalId} (it has ${target.documentCount} documents).`,
      { document_position: ["is out of range"] },
    );
  }
  return position;
}

/**
 * Upserts annotations on (target, document position, name, identifier): a key
 * written again is overwritten (same id, updated_at moves) and the replaced
 * version goes to annotation_history (database trigger). One statement per
 * batch, so a batch lands whole or not at all. Returns ids in input order.
 */
export async function upsertAnnotations(
  actor: Actor | null,
  target: AnnotationTarget,
  writes: AnnotationWrite[],
  source: AnnotationSource,
): Promise<number[]> {
  authorize(actor, "annotate");
  if (writes.length === 0) return [];
  const targets = await resolveTargets(targetKindOf(target), writes.map((w) => w.externalId));

  // The last write of a key in a batch wins, as if sent one after another.
  const byKey = new Map<string, Row>();
  const keys = writes.map((write) => {
    const resolved = targets.get(write.externalId)!;
    const position = checkDocumentPosition(write, resolved);
    const identifier = write.identifier ?? "";
    const key = keyOf(resolved.targetId, position, write.name, identifier);
    byKey.delete(key);
    byKey.set(key, { target: resolved, write, position, identifier });
    return key;
  });
  const rows = [...byKey.values()];
  const col = <T>(pick: (row: Row) => T) => rows.map(pick);
  const mayOverwrite = can(actor, "overwrite-others");

  const [result] = await prisma.$queryRaw<{ blocked: number; written: { id: number; key: string }[] | null }[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${col((r) => r.target.targetId)}::int[], ${col((r) => r.position)}::int[],
        ${col((r) => r.write.name)}::text[], ${col((r) => r.identifier)}::text[],
        ${col((r) => r.target.projectId)}::int[], ${col((r) => r.target.spanRowId)}::int[],
        ${col((r) => r.target.traceRowId)}::int[], ${col((r) => r.target.sessionRowId)}::int[],
        ${col((r) => r.write.label ?? null)}::text[], ${col((r) => r.write.score ?? null)}::float8[],
        ${col((r) => r.write.explanation ?? null)}::text[], ${col((r) => JSON.stringify(r.write.metadata ?? {}))}::jsonb[],
        ${col((r) => r.write.annotatorKind)}::text[]
      ) AS i(target_id, document_position, name, identifier, project_id, span_row_id, trace_row_id,
             session_row_id, label, score, explanation, metadata, annotator_kind)
    ),
    -- Someone else's annotation under the same key: only roles that may overwrite others' go on.
    foreign_rows AS (
      SELECT count(*)::int AS n FROM annotations a JOIN input i
        ON a.target_type = ${target}::"AnnotationTarget" AND a.target_id = i.target_id
        AND a.document_position = i.document_position AND a.name = i.name AND a.identifier = i.identifier
      WHERE a.user_id IS DISTINCT FROM ${actor.userId}::uuid
    ),
    written AS (
      INSERT INTO annotations (target_type, target_id, document_position, name, identifier, project_id,
        span_row_id, trace_row_id, session_row_id, label, score, explanation, metadata, annotator_kind, source, user_id)
      SELECT ${target}::"AnnotationTarget", target_id, document_position, name, identifier, project_id, span_row_id,
        trace_row_id, session_row_id, label, score, explanation, metadata, annotator_kind::"AnnotatorKind",
        ${source}::"AnnotationSource", ${actor.userId}::uuid
      FROM input
      WHERE ${mayOverwrite} OR (SELECT n FROM foreign_rows) = 0
      ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET
        label = EXCLUDED.label, score = EXCLUDED.score, explanation = EXCLUDED.explanation,
        metadata = EXCLUDED.metadata, annotator_kind = EXCLUDED.annotator_kind, source = EXCLUDED.source,
        user_id = EXCLUDED.user_id, updated_at = now()
      WHERE ${mayOverwrite} OR annotations.user_id IS NOT DISTINCT FROM EXCLUDED.user_id
      RETURNING id, jsonb_build_array(target_id, document_position, name, identifier)::text AS key
    )
    SELECT (SELECT n FROM foreign_rows) AS blocked, (SELECT json_agg(written) FROM written) AS written`;

  if (result.blocked > 0 && !mayOverwrite) {
    throw new ForbiddenError("Your role may not change another reviewer's annotations: use your own identifier.");
  }
  const idByKey = new Map((result.written ?? []).map((w) => [normalizeKey(w.key), w.id]));
  return keys.map((key) => idByKey.get(key)!);
}

// Postgres prints jsonb arrays with spaces after commas; JSON.stringify does not.
const normalizeKey = (pgJson: string) => JSON.stringify(JSON.parse(pgJson));
