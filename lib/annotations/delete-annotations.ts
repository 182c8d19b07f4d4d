import { prisma } from "@/lib/db";
import { setHistoryActor } from "./history-actor";
import { authorize, can, type Actor } from "@/lib/auth/permissions";
import { ForbiddenError, UnprocessableError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotatorKind } from "@/lib/generated/prisma/enums";
import type { ProjectRef } from "@/lib/projects/projects";

// Phoenix: DELETE /v1/projects/{project}/{span,trace,session}_annotations.
// Each route deletes one kind of target's annotations. Notes are included:
// Phoenix stores them in the same tables (named "note"), so `delete_all=true`
// sweeps them too and `name=note` deletes only notes. Document annotations are
// not span annotations (Phoenix keeps them in a table of their own, with no
// delete route), so the span route leaves them alone.
export type DeleteTarget = "SPAN" | "TRACE" | "SESSION";

export type AnnotationDeleteFilter = {
  name?: string;
  identifier?: string;
  annotatorKind?: AnnotatorKind;
  // created_at in [startTime, endTime).
  startTime?: Date;
  endTime?: Date;
  // Acknowledges a delete not bounded by both times.
  deleteAll?: boolean;
};

const UNBOUNDED = "must be true unless both start_time and end_time are given";
const FOREIGN_ROWS =
  "Some annotations matching this filter belong to other users: your role may delete only your own. " +
  "Nothing was deleted; narrow the filter (for example by identifier).";

/** The contract's gate: a bounded window or an explicit delete_all, and start before end. */
export function checkDeleteFilter(filter: AnnotationDeleteFilter): void {
  const { startTime, endTime } = filter;
  if (!filter.deleteAll && !(startTime && endTime)) {
    throw new UnprocessableError(
      "Invalid request: the delete is unbounded. Give both start_time and end_time, or set delete_all=true.",
      { delete_all: [UNBOUNDED] },
    );
  }
  if (startTime && endTime && startTime.getTime() >= endTime.getTime()) {
    throw new UnprocessableError("Invalid request: start_time must be strictly earlier than end_time", {
      start_time: ["must be strictly earlier than end_time"],
    });
  }
}

/**
 * Deletes a project's annotations of one target kind matching the filter (all
 * conditions ANDed); returns how many went. All or nothing: an actor who may
 * not change others' annotations (a reviewer) gets 403 and nothing deleted when
 * any matching row has another owner, the same ownership rule as writes. Every
 * deleted row goes to annotation_history with this actor as the deleter (the
 * trigger reads marginalia.actor_id, set first in the same transaction).
 */
export async function deleteAnnotations(
  actor: Actor | null,
  project: Pick<ProjectRef, "id">,
  target: DeleteTarget,
  filter: AnnotationDeleteFilter,
): Promise<number> {
  authorize(actor, "annotate");
  checkDeleteFilter(filter);
  const mayDeleteOthers = can(actor, "overwrite-others");

  const conditions = [
    Prisma.sql`a.project_id = ${project.id}`,
    Prisma.sql`a.target_type = ${target}::"AnnotationTarget"`,
  ];
  if (filter.name !== undefined) conditions.push(Prisma.sql`a.name = ${filter.name}`);
  if (filter.identifier !== undefined) conditions.push(Prisma.sql`a.identifier = ${filter.identifier}`);
  if (filter.annotatorKind) conditions.push(Prisma.sql`a.annotator_kind = ${filter.annotatorKind}::"AnnotatorKind"`);
  if (filter.startTime) conditions.push(Prisma.sql`a.created_at >= ${filter.startTime}`);
  if (filter.endTime) conditions.push(Prisma.sql`a.created_at < ${filter.endTime}`);
  const where = Prisma.join(conditions, " AND ");

  // One statement sees one snapshot: the count of others' rows and the delete
  // agree. The delete also re-checks the owner, so a row another user took
  // over (an overwrite) between snapshot and delete is not removed either.
  const statement = mayDeleteOthers
    ? Prisma.sql`
      WITH deleted AS (DELETE FROM annotations a WHERE ${where} RETURNING a.id)
      SELECT 0 AS blocked, (SELECT count(*) FROM deleted)::int AS deleted`
    : Prisma.sql`
      WITH foreign_rows AS (
        SELECT count(*)::int AS n FROM annotations a
        WHERE ${where} AND a.user_id IS DISTINCT FROM ${actor.userId}::uuid
      ),
      deleted AS (
        DELETE FROM annotations a
        WHERE ${where} AND a.user_id IS NOT DISTINCT FROM ${actor.userId}::uuid AND (SELECT n FROM foreign_rows) = 0
        RETURNING a.id
      )
      SELECT (SELECT n FROM foreign_rows) AS blocked, (SELECT count(*) FROM deleted)::int AS deleted`;

  return prisma.$transaction(async (tx) => {
    await setHistoryActor(tx, actor);
    const [result] = await tx.$queryRaw<{ blocked: number; deleted: number }[]>(statement);
    if (result.blocked > 0) throw new ForbiddenError(FOREIGN_ROWS);
    return result.deleted;
  });
}
