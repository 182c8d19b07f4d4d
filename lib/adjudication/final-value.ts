import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationTarget } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import { annotationReader, visibleAnnotation } from "@/lib/review/blind-review";
import { ADJUDICATED_IDENTIFIER } from "./adjudication-types";
import type { ProjectRef } from "./disagreements";

/**
 * "Final" values, for exports and dashboards: one row per (target, rubric).
 *
 * - `adjudicated`: a lead recorded a final value (identifier `adjudicated`):
 *   its label and score win, whatever the reviewers said.
 * - `reviewers`: no final value, and the reviewers agree on the label (or there
 *   is one reviewer, or the rubric is continuous): their label and the mean of
 *   their scores.
 * - `disputed`: no final value and reviewers gave different labels: label and
 *   score are null (the target is on the adjudication page's open list).
 *
 * Reviewers are human annotations other than the adjudicated one; machine
 * (LLM, CODE) annotations and notes are left out.
 *
 * `finalValuesSql(where)` is the SELECT to use as a CTE in any report:
 * `WITH final AS (${finalValuesSql(Prisma.sql`a.project_id = ${id}`)}) SELECT …`.
 * `where` filters the annotations rows, aliased `a`. Columns: target_type,
 * target_id, document_position, name, final_label, final_score, final_source,
 * reviewers (how many reviewer values), adjudicated_id.
 */
export function finalValuesSql(where: Prisma.Sql): Prisma.Sql {
  const adjudicated = Prisma.sql`a.identifier = ${ADJUDICATED_IDENTIFIER}`;
  const reviewer = Prisma.sql`a.identifier <> ${ADJUDICATED_IDENTIFIER}`;
  return Prisma.sql`
    SELECT a.target_type, a.target_id, a.document_position, a.name,
      CASE WHEN bool_or(${adjudicated}) THEN max(a.label) FILTER (WHERE ${adjudicated})
        WHEN count(DISTINCT a.label) FILTER (WHERE ${reviewer}) <= 1 THEN max(a.label) FILTER (WHERE ${reviewer}) END AS final_label,
      CASE WHEN bool_or(${adjudicated}) THEN max(a.score) FILTER (WHERE ${adjudicated})
        WHEN count(DISTINCT a.label) FILTER (WHERE ${reviewer}) <= 1 THEN avg(a.score) FILTER (WHERE ${reviewer}) END AS final_score,
      CASE WHEN bool_or(${adjudicated}) THEN 'adjudicated'
        WHEN count(DISTINCT a.label) FILTER (WHERE ${reviewer}) <= 1 THEN 'reviewers' ELSE 'disputed' END AS final_source,
      (count(*) FILTER (WHERE ${reviewer}))::int AS reviewers,
      max(a.id) FILTER (WHERE ${adjudicated}) AS adjudicated_id
    FROM annotations a
    WHERE a.annotator_kind = 'HUMAN' AND a.name <> ${RESERVED_NOTE_NAME} AND (${where})
    GROUP BY a.target_type, a.target_id, a.document_position, a.name`;
}

export type FinalValue = {
  targetType: AnnotationTarget;
  targetRowId: number;
  documentPosition: number;
  name: string;
  label: string | null;
  score: number | null;
  source: "adjudicated" | "reviewers" | "disputed";
  reviewers: number;
};

/**
 * The final values of a project (optionally of some rubrics), as the reader may
 * see them: under blind review a reviewer's reads count only the values the
 * blind-review rule shows them.
 */
export async function finalValues(actor: Actor | null, project: ProjectRef, options: { names?: string[] } = {}): Promise<FinalValue[]> {
  authorize(actor, "read");
  const conditions = [Prisma.sql`a.project_id = ${project.id}`, visibleAnnotation(Prisma.sql`a`, annotationReader(actor, project))];
  if (options.names) conditions.push(Prisma.sql`a.name = ANY(${options.names}::text[])`);
  return prisma.$queryRaw<FinalValue[]>`
    SELECT f.target_type AS "targetType", f.target_id AS "targetRowId", f.document_position AS "documentPosition", f.name,
      f.final_label AS label, f.final_score AS score, f.final_source AS source, f.reviewers
    FROM (${finalValuesSql(Prisma.join(conditions, " AND "))}) f
    ORDER BY f.target_type, f.target_id, f.document_position, f.name`;
}
