import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/permissions";
import type { AdjudicationScopes } from "./adjudication-types";
import { openKeys } from "./disagreement-sql";
import type { ProjectRef } from "./disagreements";

type Raw = {
  queues: { id: number; name: string; archived: boolean; rubrics: string[] | null; open: number }[] | null;
  rubrics: AdjudicationScopes["rubrics"] | null;
};

/**
 * What the adjudication page offers before a choice: the project's queues and
 * its categorical and continuous rubrics, each with its open disagreements
 * (any difference: the threshold is chosen on the list). One statement: the
 * open disagreements are counted per rubric and per queue from the rollup (openKeys).
 */
export async function adjudicationScopes(actor: Actor | null, project: ProjectRef): Promise<AdjudicationScopes> {
  authorize(actor, "adjudicate");
  // Counted where they are read: each rubric's and each queue's open keys by the
  // rollup's index on (project, rubric), not the project's all at once.
  const queueRubrics = Prisma.sql`(SELECT r.name, r.type FROM queue_rubrics qr JOIN valued r ON r.id = qr.rubric_id WHERE qr.queue_id = q.id)`;
  const queueTargets = Prisma.sql`AND i.target_type::text = q.target_kind::text
    AND i.target_id IN (SELECT qi.target_id FROM queue_items qi WHERE qi.queue_id = q.id)`;
  const [result] = await prisma.$queryRaw<Raw[]>`
    WITH valued AS (SELECT r.id, r.name, r.type FROM rubrics r WHERE r.type IN ('CATEGORICAL', 'CONTINUOUS')),
    attached AS (
      SELECT r.name, r.type FROM project_rubrics pr JOIN rubrics r ON r.id = pr.rubric_id
      WHERE pr.project_id = ${project.id} AND r.type IN ('CATEGORICAL', 'CONTINUOUS') AND r.archived_at IS NULL
    )
    SELECT
      (SELECT json_agg(json_build_object('id', q.id, 'name', q.name, 'archived', q.archived_at IS NOT NULL,
          'rubrics', (SELECT json_agg(r.name ORDER BY r.name) FROM queue_rubrics qr JOIN valued r ON r.id = qr.rubric_id WHERE qr.queue_id = q.id),
          'open', (SELECT count(*)::int FROM (${openKeys(project.id, queueRubrics, 0, queueTargets)}) o))
        ORDER BY q.archived_at IS NOT NULL, q.name)
        FROM review_queues q WHERE q.project_id = ${project.id}) AS queues,
      (SELECT json_agg(json_build_object('name', p.name, 'type', p.type,
          'open', (SELECT count(*)::int FROM (${openKeys(project.id, Prisma.sql`(SELECT v.name, v.type FROM valued v WHERE v.name = p.name)`, 0)}) o))
          ORDER BY p.name)
        FROM attached p) AS rubrics`;
  return {
    queues: (result.queues ?? []).map((q) => ({ ...q, rubrics: q.rubrics ?? [] })),
    rubrics: result.rubrics ?? [],
  };
}
