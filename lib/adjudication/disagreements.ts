import { prisma } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import type { ProjectRef as FullProjectRef } from "@/lib/projects/projects";
import { categoricalValuesSchema } from "@/lib/review/rubric-values";
import { disagreementFiltersSchema, type DisagreementFilters } from "./adjudication-schemas";
import { ADJUDICATED_IDENTIFIER, type Disagreement, type DisagreementPage } from "./adjudication-types";
import { openKeys, sameKey } from "./disagreement-sql";

// The project as the queue domain takes it (lib/queues): its id and whether reviews are blind.
export type ProjectRef = Pick<FullProjectRef, "id" | "blindReview">;

/**
 * The targets of a queue (its items, its rubrics) or of a rubric (every target
 * in the project) where two or more reviewers disagree: categorical, different
 * labels; continuous, max − min of the scores above `threshold`. Reviewers are
 * human annotations other than the `adjudicated` one, which is the lead's
 * final value and never counts as a reviewer. "open": no final value yet;
 * "resolved": a final value was recorded (shown with the values it settled).
 * One statement: the open keys come from the rollup (openKeys); the values, the
 * notes and the links of a page are aggregated in SQL. Leads and admins only (they see every value, so blind
 * review hides nothing from them).
 */
export async function listDisagreements(actor: Actor | null, project: ProjectRef, filters: DisagreementFilters): Promise<DisagreementPage> {
  authorize(actor, "adjudicate");
  const { queueId, rubric, threshold, status, limit } = disagreementFiltersSchema.parse(filters);
  const scope = await scopeOf(project.id, queueId, rubric);

  // Open: the rollup's keys (openKeys). Resolved: the final values recorded in scope.
  const keys = status === "open"
    ? Prisma.sql`keys AS MATERIALIZED (${openKeys(project.id, Prisma.sql`rubric`, threshold, scope.targets(Prisma.sql`i`))}),`
    : Prisma.sql`keys AS MATERIALIZED (
        SELECT a.target_type, a.target_id, a.document_position, a.name, a.updated_at AS last_at
        FROM annotations a JOIN rubric r ON r.name = a.name
        WHERE a.project_id = ${project.id} AND a.identifier = ${ADJUDICATED_IDENTIFIER} ${scope.targets(Prisma.sql`a`)}),`;
  // A key's rows, by the annotations' unique index (the key is in scope already).
  const ofKey = (alias: string) => Prisma.sql`${Prisma.raw(alias)}.project_id = ${project.id} AND ${sameKey(Prisma.raw(alias), Prisma.sql`k`)}`;

  const [result] = await prisma.$queryRaw<{ total: number; rows: RawRow[] | null }[]>`
    WITH rubric AS (${scope.rubrics}),
    ${keys}
    page AS (SELECT * FROM keys ORDER BY last_at DESC, target_id DESC, name, document_position LIMIT ${limit})
    SELECT (SELECT count(*)::int FROM keys) AS total,
      (SELECT json_agg(row_to_json(x) ORDER BY x."lastAt" DESC, x."targetRowId" DESC, x.name, x."documentPosition") FROM (
        SELECT k.target_type AS "targetType", k.target_id AS "targetRowId", k.document_position AS "documentPosition",
          k.name, k.last_at AS "lastAt", r.type AS "rubricType", r.values AS "rubricValues",
          r.lower_bound AS "lowerBound", r.upper_bound AS "upperBound",
          coalesce(t.trace_id, st.trace_id) AS "traceId", s.span_id AS "spanId",
          coalesce(se.session_id, ts.session_id) AS "sessionId",
          coalesce(t.root_span_name, s.name, se.session_id) AS title,
          left(coalesce(t.input_preview, s.input_value, se.first_input), 240) AS preview,
          (SELECT json_agg(json_build_object('annotationId', h.id, 'userId', h.user_id,
              'reviewer', coalesce(u.name, nullif(h.identifier, ''), 'anonymous'), 'label', h.label, 'score', h.score,
              'explanation', h.explanation, 'updatedAt', h.updated_at) ORDER BY h.updated_at, h.id)
            FROM annotations h LEFT JOIN users u ON u.id = h.user_id
            WHERE ${ofKey("h")} AND h.annotator_kind = 'HUMAN' AND h.identifier <> ${ADJUDICATED_IDENTIFIER}) AS values,
          (SELECT json_build_object('annotationId', j.id, 'label', j.label, 'score', j.score, 'reason', j.explanation,
              'by', u.name, 'updatedAt', j.updated_at)
            FROM annotations j LEFT JOIN users u ON u.id = j.user_id WHERE ${ofKey("j")} AND j.identifier = ${ADJUDICATED_IDENTIFIER}) AS adjudicated,
          (SELECT json_agg(json_build_object('id', n.id, 'author', u.name, 'text', n.explanation, 'createdAt', n.created_at) ORDER BY n.created_at, n.id)
            FROM annotations n LEFT JOIN users u ON u.id = n.user_id
            WHERE n.name = ${RESERVED_NOTE_NAME} AND (
              (k.target_type = 'TRACE' AND n.trace_row_id = k.target_id)
              OR (k.target_type IN ('SPAN', 'DOCUMENT') AND n.span_row_id = k.target_id)
              OR (k.target_type = 'SESSION' AND n.target_type = 'SESSION' AND n.session_row_id = k.target_id))) AS notes
        FROM page k JOIN rubric r ON r.name = k.name
        LEFT JOIN traces t ON k.target_type = 'TRACE' AND t.id = k.target_id
        LEFT JOIN sessions ts ON ts.id = t.session_row_id
        LEFT JOIN spans s ON k.target_type IN ('SPAN', 'DOCUMENT') AND s.id = k.target_id
        LEFT JOIN traces st ON st.id = s.trace_row_id
        LEFT JOIN sessions se ON k.target_type = 'SESSION' AND se.id = k.target_id
      ) x) AS rows`;

  return { rows: (result.rows ?? []).map(toDisagreement), total: result.total, limit };
}

// targets: a condition on the annotations (or agreement_items) row `alias`.
type Scope = { rubrics: Prisma.Sql; targets: (alias: Prisma.Sql) => Prisma.Sql };

// The rubrics (categorical or continuous: free text has nothing to disagree on)
// and the targets in scope, checked to belong to the project.
async function scopeOf(projectId: number, queueId: number | undefined, rubric: string | undefined): Promise<Scope> {
  const columns = Prisma.sql`r.name, r.type, r.values, r.lower_bound, r.upper_bound`;
  const valued = Prisma.sql`r.type IN ('CATEGORICAL', 'CONTINUOUS')`;
  const byName = rubric ? Prisma.sql`AND r.name = ${rubric}` : Prisma.empty;
  if (queueId !== undefined) {
    const queue = await prisma.reviewQueue.findFirst({ where: { id: queueId, projectId }, select: { targetKind: true } });
    if (!queue) throw new NotFoundError(`Queue ${queueId} does not exist in this project.`);
    return {
      rubrics: Prisma.sql`SELECT ${columns} FROM queue_rubrics qr JOIN rubrics r ON r.id = qr.rubric_id WHERE qr.queue_id = ${queueId} AND ${valued} ${byName}`,
      targets: (alias) => Prisma.sql`AND ${alias}.target_type = ${queue.targetKind}::"AnnotationTarget"
        AND ${alias}.target_id IN (SELECT qi.target_id FROM queue_items qi WHERE qi.queue_id = ${queueId})`,
    };
  }
  const found = await prisma.rubric.findFirst({ where: { name: rubric, projects: { some: { projectId } } }, select: { type: true } });
  if (!found) throw new NotFoundError(`Rubric ${rubric} is not used in this project.`);
  if (found.type === "FREEFORM") throw new ValidationError(`Rubric ${rubric} is free text: there are no values to disagree on.`, { rubric: ["is free text"] });
  return {
    rubrics: Prisma.sql`SELECT ${columns} FROM rubrics r WHERE r.name = ${rubric}`,
    targets: () => Prisma.empty,
  };
}

type RawRow = {
  targetType: Disagreement["target"]["kind"];
  targetRowId: number;
  documentPosition: number;
  name: string;
  rubricType: Disagreement["rubric"]["type"];
  rubricValues: unknown;
  lowerBound: number | null;
  upperBound: number | null;
  traceId: string | null;
  spanId: string | null;
  sessionId: string | null;
  title: string | null;
  preview: string | null;
  values: (Omit<Disagreement["values"][number], "updatedAt"> & { updatedAt: string })[] | null;
  adjudicated: (Omit<NonNullable<Disagreement["adjudicated"]>, "updatedAt"> & { updatedAt: string }) | null;
  notes: (Omit<Disagreement["notes"][number], "createdAt"> & { createdAt: string })[] | null;
};

function toDisagreement(row: RawRow): Disagreement {
  const values = (row.values ?? []).map((v) => ({ ...v, updatedAt: new Date(v.updatedAt) }));
  const scores = values.flatMap((v) => (v.score == null ? [] : [v.score]));
  const kind = row.targetType;
  const externalId = kind === "TRACE" ? row.traceId : kind === "SESSION" ? row.sessionId : row.spanId;
  return {
    key: `${kind}:${row.targetRowId}:${row.documentPosition}:${row.name}`,
    rubric: {
      name: row.name,
      type: row.rubricType,
      values: categoricalValuesSchema.catch([]).parse(row.rubricValues),
      lowerBound: row.lowerBound,
      upperBound: row.upperBound,
    },
    target: {
      kind,
      externalId: externalId ?? "",
      documentPosition: kind === "DOCUMENT" ? row.documentPosition : null,
      traceId: row.traceId,
      spanId: row.spanId,
      sessionId: row.sessionId,
      title: row.title ?? externalId ?? "(deleted)",
      preview: row.preview,
    },
    values,
    spread: row.rubricType === "CONTINUOUS" && scores.length ? Math.max(...scores) - Math.min(...scores) : null,
    notes: (row.notes ?? []).map((n) => ({ ...n, text: n.text ?? "", createdAt: new Date(n.createdAt) })),
    adjudicated: row.adjudicated ? { ...row.adjudicated, updatedAt: new Date(row.adjudicated.updatedAt) } : null,
  };
}
