import { prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationSource, AnnotationTarget, AnnotatorKind } from "@/lib/generated/prisma/enums";
import { authorize, can, type Actor } from "@/lib/auth/permissions";
import { targetKindOf, type TargetKind } from "./targets";
import { upsertOneAnnotation } from "./upsert-one-annotation";

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

type Row = { write: AnnotationWrite; position: number; identifier: string };
// The key by external id: one external id is one target row, so it dedups like the row key.
const keyOf = (externalId: string, position: number, name: string, identifier: string) =>
  JSON.stringify([externalId, position, name, identifier]);

// The target rows for a list of external ids, in the columns an annotation row stores.
const targetRows: Record<TargetKind, Prisma.Sql> = {
  SPAN: Prisma.sql`SELECT span_id AS external_id, id AS target_id, project_id, id AS span_row_id,
    trace_row_id, NULL::int AS session_row_id, document_count FROM spans`,
  TRACE: Prisma.sql`SELECT trace_id AS external_id, id AS target_id, project_id, NULL::int AS span_row_id,
    id AS trace_row_id, NULL::int AS session_row_id, 0 AS document_count FROM traces`,
  SESSION: Prisma.sql`SELECT session_id AS external_id, id AS target_id, project_id, NULL::int AS span_row_id,
    NULL::int AS trace_row_id, id AS session_row_id, 0 AS document_count FROM sessions`,
};
const externalIdColumn: Record<TargetKind, Prisma.Sql> = {
  SPAN: Prisma.sql`span_id`, TRACE: Prisma.sql`trace_id`, SESSION: Prisma.sql`session_id`,
};
const noun: Record<TargetKind, string> = { SPAN: "Spans", TRACE: "Traces", SESSION: "Sessions" };

// Parts of the statement only some batches need, left out of the others (less to plan).
const checkPositions = Prisma.sql`
  SELECT json_build_object('externalId', external_id, 'position', document_position, 'documentCount', document_count) AS first
  FROM resolved WHERE document_position < 0 OR document_position >= document_count LIMIT 1`;

// Someone else's annotation under the same key: only roles that may overwrite
// others' go on (they skip this). The target_id filter keeps the scan on the batch's targets.
const foreignRows = (target: AnnotationTarget, userId: string | null) => Prisma.sql`
  SELECT count(*)::int AS n FROM annotations a JOIN resolved i
    ON a.target_id = i.target_id AND a.document_position = i.document_position
    AND a.name = i.name AND a.identifier = i.identifier
  WHERE a.target_type = ${target}::"AnnotationTarget" AND a.target_id IN (SELECT target_id FROM targets)
    AND a.user_id IS DISTINCT FROM ${userId}::uuid`;

// Prisma's defaults (2 s to get a connection, 5 s in all) turned a valid
// 10,000-row batch into a 500 on a busy machine (32 writers, shared CPU): the
// transaction holds one statement, so waiting longer costs nothing but time.
const BATCH_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

const FOREIGN_KEY_MESSAGE = "Your role may not change another reviewer's annotations: use your own identifier.";

type Outcome = {
  missing: string[] | null;
  misplaced: { externalId: string; position: number; documentCount: number } | null;
  blocked: number;
  written: { id: number; key: string }[] | null;
};

/**
 * Upserts annotations on (target, document position, name, identifier): a key
 * written again is overwritten (same id, updated_at moves) and the replaced
 * version goes to annotation_history (database trigger). One statement per
 * batch — targets resolved, checked and written in a single round trip — so a
 * batch lands whole or not at all. A writer updates only rows it owns unless
 * its role may overwrite others' (403 otherwise), checked in the statement and
 * again in its ON CONFLICT clause against concurrent writers. Returns ids in input order.
 */
export async function upsertAnnotations(
  actor: Actor | null,
  target: AnnotationTarget,
  writes: AnnotationWrite[],
  source: AnnotationSource,
): Promise<number[]> {
  authorize(actor, "annotate");
  if (writes.length === 0) return [];
  const kind = targetKindOf(target);

  // The last write of a key in a batch wins, as if sent one after another.
  const byKey = new Map<string, Row>();
  const keys = writes.map((write) => {
    const position = target === "DOCUMENT" ? (write.documentPosition ?? -1) : -1;
    const identifier = write.identifier ?? "";
    const key = keyOf(write.externalId, position, write.name, identifier);
    byKey.delete(key);
    byKey.set(key, { write, position, identifier });
    return key;
  });
  const rows = [...byKey.values()];
  const mayOverwrite = can(actor, "overwrite-others");
  if (rows.length === 1) return keys.map(await writeOne(actor, target, rows[0], source, mayOverwrite));
  const col = <T>(pick: (row: Row) => T) => rows.map(pick);
  const ids = [...new Set(writes.map((w) => w.externalId))];

  const statement = Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(
        ${col((r) => r.write.externalId)}::text[], ${col((r) => r.position)}::int[],
        ${col((r) => r.write.name)}::text[], ${col((r) => r.identifier)}::text[],
        ${col((r) => r.write.label ?? null)}::text[], ${col((r) => r.write.score ?? null)}::float8[],
        ${col((r) => r.write.explanation ?? null)}::text[], ${col((r) => JSON.stringify(r.write.metadata ?? {}))}::jsonb[],
        ${col((r) => r.write.annotatorKind)}::text[]
      ) AS i(external_id, document_position, name, identifier, label, score, explanation, metadata, annotator_kind)
    ),
    targets AS (${targetRows[kind]} WHERE ${externalIdColumn[kind]} = ANY(${ids}::text[])),
    -- Missing ids in the order the request named them (Phoenix's 404 text).
    missing AS (
      SELECT array_agg(r.id ORDER BY r.n) AS ids FROM unnest(${ids}::text[]) WITH ORDINALITY AS r(id, n)
      WHERE NOT EXISTS (SELECT 1 FROM targets t WHERE t.external_id = r.id)
    ),
    resolved AS (SELECT i.*, t.target_id, t.project_id, t.span_row_id, t.trace_row_id, t.session_row_id, t.document_count
      FROM input i JOIN targets t USING (external_id)),
    misplaced AS (${target === "DOCUMENT" ? checkPositions : Prisma.sql`SELECT NULL::json AS first WHERE false`}),
    foreign_rows AS (${mayOverwrite ? Prisma.sql`SELECT 0 AS n` : foreignRows(target, actor.userId)}),
    written AS (
      INSERT INTO annotations (target_type, target_id, document_position, name, identifier, project_id,
        span_row_id, trace_row_id, session_row_id, label, score, explanation, metadata, annotator_kind, source, user_id)
      SELECT ${target}::"AnnotationTarget", target_id, document_position, name, identifier, project_id, span_row_id,
        trace_row_id, session_row_id, label, score, explanation, metadata, annotator_kind::"AnnotatorKind",
        ${source}::"AnnotationSource", ${actor.userId}::uuid
      FROM resolved
      WHERE (SELECT ids FROM missing) IS NULL AND NOT EXISTS (SELECT 1 FROM misplaced)
        AND (SELECT n FROM foreign_rows) = 0
      ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET
        label = EXCLUDED.label, score = EXCLUDED.score, explanation = EXCLUDED.explanation,
        metadata = EXCLUDED.metadata, annotator_kind = EXCLUDED.annotator_kind, source = EXCLUDED.source,
        user_id = EXCLUDED.user_id, updated_at = now()
      WHERE ${mayOverwrite} OR annotations.user_id IS NOT DISTINCT FROM EXCLUDED.user_id
      RETURNING id, target_id, document_position, name, identifier
    )
    SELECT (SELECT ids FROM missing) AS missing, (SELECT first FROM misplaced) AS misplaced,
      (SELECT n FROM foreign_rows) AS blocked,
      (SELECT json_agg(json_build_object('id', w.id, 'key', jsonb_build_array(t.external_id, w.document_position, w.name, w.identifier)::text))
        FROM written w JOIN targets t ON t.target_id = w.target_id) AS written`;
  const lostRace = (o: Outcome) => (o.written?.length ?? 0) < rows.length && !o.missing?.length && !o.misplaced && o.blocked === 0;
  // In a transaction, so a batch that loses a race for one key (below) lands none of its rows.
  const outcome = await prisma.$transaction(async (tx) => {
    const [result] = await tx.$queryRaw<Outcome[]>(statement);
    if (lostRace(result)) throw new ForbiddenError(FOREIGN_KEY_MESSAGE);
    return result;
  }, BATCH_TRANSACTION);

  if (outcome.missing?.length) throw missingTargets(kind, outcome.missing);
  if (outcome.misplaced) throw misplacedDocument(outcome.misplaced);
  if (outcome.blocked > 0 && !mayOverwrite) {
    throw new ForbiddenError(FOREIGN_KEY_MESSAGE);
  }
  const idByKey = new Map((outcome.written ?? []).map((w) => [normalizeKey(w.key), w.id]));
  // A key the check saw free but another user created before this statement's
  // insert reached it: the ON CONFLICT guard left that row alone. Refused like
  // any other foreign key.
  if (lostRace(outcome)) throw new ForbiddenError(FOREIGN_KEY_MESSAGE);
  return keys.map((key) => idByKey.get(key)!);
}

// Postgres prints jsonb arrays with spaces after commas; JSON.stringify does not.
const normalizeKey = (pgJson: string) => JSON.stringify(JSON.parse(pgJson));

const missingTargets = (kind: TargetKind, ids: string[]) => new NotFoundError(`${noun[kind]} with IDs ${ids.join(", ")} do not exist.`);
const misplacedDocument = ({ externalId, position, documentCount }: { externalId: string; position: number; documentCount: number }) =>
  new UnprocessableError(
    `Document position ${position} is out of range for span ${externalId} (it has ${documentCount} documents).`,
    { document_position: ["is out of range"] },
  );

// One row (upsert-one-annotation.ts): the same checks in the same order as a
// batch's, and the same errors; the id for every write of the one key.
async function writeOne(actor: Actor, target: AnnotationTarget, row: Row, source: AnnotationSource, mayOverwrite: boolean): Promise<() => number> {
  const { write, position, identifier } = row;
  const outcome = await upsertOneAnnotation(target, {
    externalId: write.externalId, position, name: write.name, identifier, label: write.label ?? null, score: write.score ?? null,
    explanation: write.explanation ?? null, metadata: write.metadata ?? {}, annotatorKind: write.annotatorKind,
  }, source, actor.userId, mayOverwrite);
  if (!outcome.found) throw missingTargets(targetKindOf(target), [write.externalId]);
  if (target === "DOCUMENT" && !(position >= 0 && position < (outcome.documentCount ?? 0))) {
    throw misplacedDocument({ externalId: write.externalId, position, documentCount: outcome.documentCount ?? 0 });
  }
  if (outcome.id === null) throw new ForbiddenError(FOREIGN_KEY_MESSAGE);
  const id = outcome.id;
  return () => id;
}
