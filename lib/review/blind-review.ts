import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";

/**
 * Blind review, the one rule for every read: with blind review on, a reader
 * who may not adjudicate sees another person's label or score only on a target
 * (and rubric) they have given a label or score of their own. Leads and admins
 * see everything. API keys follow the same rule by their role; a system key
 * (no user) has nothing of its own, so it sees only what its role lets it.
 * Notes are conversation, not values: the trace page shows everyone's notes,
 * so they are never hidden.
 */
export type AnnotationReader = { userId: string | null; seesAll: boolean };

export function annotationReader(actor: Actor, project: { blindReview: boolean }): AnnotationReader {
  return { userId: actor.userId, seesAll: !project.blindReview || can(actor, "adjudicate") };
}

/** A boolean SQL condition: the annotations row `alias` may be shown to `reader`. */
export function visibleAnnotation(alias: Prisma.Sql, reader: AnnotationReader): Prisma.Sql {
  if (reader.seesAll) return Prisma.sql`TRUE`;
  if (reader.userId === null) return Prisma.sql`(${alias}.name = ${RESERVED_NOTE_NAME})`;
  return Prisma.sql`(${alias}.name = ${RESERVED_NOTE_NAME} OR ${alias}.user_id = ${reader.userId}::uuid OR EXISTS (
    SELECT 1 FROM annotations own
    WHERE own.target_type = ${alias}.target_type AND own.target_id = ${alias}.target_id
      AND own.document_position = ${alias}.document_position AND own.name = ${alias}.name
      AND own.user_id = ${reader.userId}::uuid))`;
}

type Keyed = { id: number; targetType: string; targetId: number; documentPosition: number; name: string; userId: string | null };

/**
 * The same rule in memory, for reads that already hold every label/score row
 * on their targets (the reader's own included): the ids the reader may not see.
 */
export function hiddenAnnotationIds(rows: Keyed[], reader: AnnotationReader): Set<number> {
  const hidden = new Set<number>();
  if (reader.seesAll) return hidden;
  const key = (r: Keyed) => `${r.targetType}:${r.targetId}:${r.documentPosition}:${r.name}`;
  const own = (r: Keyed) => reader.userId !== null && r.userId === reader.userId;
  const submitted = new Set(rows.filter((r) => own(r) && r.name !== RESERVED_NOTE_NAME).map(key));
  for (const row of rows) {
    if (row.name !== RESERVED_NOTE_NAME && !own(row) && !submitted.has(key(row))) hidden.add(row.id);
  }
  return hidden;
}
