import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { ADJUDICATED_IDENTIFIER, type AdjudicationScopes } from "./adjudication-types";
import { disagreeingKeys, sameKey } from "./disagreement-sql";
import type { ProjectRef } from "./disagreements";

type Raw = {
  queues: { id: number; name: string; archived: boolean; rubrics: string[] | null; open: number }[] | null;
  rubrics: AdjudicationScopes["rubrics"] | null;
};

/**
 * What the adjudication page offers before a choice: the project's queues and
 * its categorical and continuous rubrics, each with its open disagreements
 * (any difference: the threshold is chosen on the list). One statement: the
 * project's disagreements are found once and counted per rubric and per queue.
 */
export async function adjudicationScopes(actor: Actor | null, project: ProjectRef): Promise<AdjudicationScopes> {
  authorize(actor, "adjudicate");
  const [result] = await prisma.$queryRaw<Raw[]>`
    WITH valued AS (SELECT r.id, r.name, r.type FROM rubrics r WHERE r.type IN ('CATEGORICAL', 'CONTINUOUS')),
    scoped AS (
      SELECT a.target_type, a.target_id, a.document_position, a.name, a.label, a.score, a.identifier, a.annotator_kind, a.updated_at
      FROM annotations a JOIN valued r ON r.name = a.name WHERE a.project_id = ${project.id}
    ),
    human AS (SELECT * FROM scoped WHERE annotator_kind = 'HUMAN' AND identifier <> ${ADJUDICATED_IDENTIFIER}),
    open AS (
      SELECT d.* FROM (${disagreeingKeys(Prisma.sql`human`, Prisma.sql`valued`, 0)}) d
      WHERE NOT EXISTS (SELECT 1 FROM scoped j WHERE j.identifier = ${ADJUDICATED_IDENTIFIER} AND ${sameKey(Prisma.sql`j`, Prisma.sql`d`)})
    ),
    attached AS (
      SELECT r.name, r.type FROM project_rubrics pr JOIN rubrics r ON r.id = pr.rubric_id
      WHERE pr.project_id = ${project.id} AND r.type IN ('CATEGORICAL', 'CONTINUOUS') AND r.archived_at IS NULL
    )
    SELECT
      (SELECT json_agg(json_build_object('id', q.id, 'name', q.name, 'archived', q.archived_at IS NOT NULL,
          'rubrics', (SELECT json_agg(r.name ORDER BY r.name) FROM queue_rubrics qr JOIN valued r ON r.id = qr.rubric_id WHERE qr.queue_id = q.id),
          'open', (SELECT count(*)::int FROM open o
            JOIN queue_items qi ON qi.queue_id = q.id AND qi.target_id = o.target_id
            JOIN queue_rubrics qr ON qr.queue_id = q.id JOIN valued r ON r.id = qr.rubric_id AND r.name = o.name
            WHERE o.target_type::text = q.target_kind::text))
        ORDER BY q.archived_at IS NOT NULL, q.name)
        FROM review_queues q WHERE q.project_id = ${project.id}) AS queues,
      (SELECT json_agg(json_build_object('name', p.name, 'type', p.type,
          'open', (SELECT count(*)::int FROM open o WHERE o.name = p.name)) ORDER BY p.name)
        FROM attached p) AS rubrics`;
  return {
    queues: (result.queues ?? []).map((q) => ({ ...q, rubrics: q.rubrics ?? [] })),
    rubrics: result.rubrics ?? [],
  };
}
