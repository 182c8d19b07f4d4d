import { Prisma } from "@/lib/generated/prisma/client";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import { ADJUDICATED_IDENTIFIER } from "@/lib/adjudication/adjudication-types";
import type { ProjectRef } from "@/lib/adjudication/disagreements";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { visibleAnnotation, type AnnotationReader } from "@/lib/review/blind-review";

export const MAX_DISAGREEMENTS = 20;

/**
 * The agreement section's one statement (lib/agreement/agreement-dashboard.ts):
 * one row with the annotators, the pairwise contingency cells, the alpha
 * aggregates and the top disagreements. `base` holds the rubric's values the
 * reader may see (label or score; notes and the adjudicated value left out);
 * `v` those on the reviewer's items when the reviewer filter is set.
 */
export function agreementSql(project: ProjectRef, reader: AnnotationReader, filters: DashboardFilters, rubricName: string,
  categorical: boolean, threshold: number): Prisma.Sql {
  const value = categorical ? Prisma.sql`a.label` : Prisma.sql`a.score`;
  const conditions = [
    Prisma.sql`a.project_id = ${project.id}`,
    Prisma.sql`a.name = ${rubricName}`,
    Prisma.sql`a.name <> ${RESERVED_NOTE_NAME}`,
    Prisma.sql`a.identifier <> ${ADJUDICATED_IDENTIFIER}`,
    Prisma.sql`${value} IS NOT NULL`,
    visibleAnnotation(Prisma.sql`a`, reader),
  ];
  if (filters.kind) conditions.push(Prisma.sql`a.annotator_kind::text = ${filters.kind}`);
  let timeJoins = Prisma.empty;
  if (filters.from || filters.to) {
    // The target's start: a trace's, a span's (documents: their span's) or a session's.
    timeJoins = Prisma.sql`
      LEFT JOIN traces ft ON a.target_type = 'TRACE' AND ft.id = a.target_id
      LEFT JOIN spans fs ON a.target_type IN ('SPAN', 'DOCUMENT') AND fs.id = a.target_id
      LEFT JOIN sessions fse ON a.target_type = 'SESSION' AND fse.id = a.target_id`;
    const start = Prisma.sql`coalesce(ft.start_time, fs.start_time, fse.start_time)`;
    if (filters.from) conditions.push(Prisma.sql`${start} >= ${filters.from}`);
    if (filters.to) conditions.push(Prisma.sql`${start} < ${filters.to}`);
  }
  const sameItem = (x: string, y: string) => Prisma.raw(`${x}.target_type = ${y}.target_type AND ${x}.target_id = ${y}.target_id AND ${x}.document_position = ${y}.document_position`);
  const reviewer = filters.reviewer;
  const scoped = reviewer
    ? Prisma.sql`SELECT b.* FROM base b WHERE EXISTS (SELECT 1 FROM base o WHERE ${sameItem("o", "b")} AND o.user_id = ${reviewer}::uuid)`
    : Prisma.sql`SELECT * FROM base`;
  const inPair = reviewer ? Prisma.sql`WHERE x.user_id = ${reviewer}::uuid OR y.user_id = ${reviewer}::uuid` : Prisma.empty;

  // Per unit: m_u, and Σ_c n_uc² (nominal) or the scores' mean and var_samp (interval); see alpha.ts.
  const units = categorical
    ? Prisma.sql`
      unit_value AS (SELECT target_type, target_id, document_position, val, count(*)::int AS c, max(updated_at) AS last_at FROM v GROUP BY 1, 2, 3, 4),
      unit AS (
        SELECT target_type, target_id, document_position, sum(c)::int AS m, sum(c * c)::float8 AS squares,
          count(*)::int AS distinct_values, NULL::float8 AS spread, max(last_at) AS last_at
        FROM unit_value GROUP BY 1, 2, 3
      ),
      alpha AS (
        SELECT count(*)::int AS units, coalesce(sum(m), 0)::int AS n,
          sum((m::float8 * m - squares) / (m - 1)) AS within,
          coalesce(sum(m), 0)::float8 ^ 2 - (SELECT coalesce(sum(t * t), 0) FROM (
            SELECT sum(uv.c)::float8 AS t FROM unit_value uv JOIN unit u ON ${sameItem("u", "uv")} WHERE u.m >= 2 GROUP BY uv.val) totals) AS total
        FROM unit WHERE m >= 2
      ),
      disagreeing AS (SELECT * FROM unit WHERE distinct_values > 1)`
    : Prisma.sql`
      unit AS (
        SELECT target_type, target_id, document_position, count(*)::int AS m, avg(val) AS mean, coalesce(var_samp(val), 0) AS var,
          count(DISTINCT val)::int AS distinct_values, max(val) - min(val) AS spread, max(updated_at) AS last_at
        FROM v GROUP BY 1, 2, 3
      ),
      grand AS (SELECT sum(m * mean) / nullif(sum(m), 0) AS mean FROM unit WHERE m >= 2),
      alpha AS (
        -- W = Σ m_u var_u; T = n · (total sum of squares) = n · Σ_u ((m_u − 1) var_u + m_u (mean_u − mean)²).
        SELECT count(*)::int AS units, coalesce(sum(m), 0)::int AS n, sum(m * var) AS within,
          coalesce(sum(m), 0) * sum((m - 1) * var + m * (u.mean - g.mean) ^ 2) AS total
        FROM unit u CROSS JOIN grand g WHERE m >= 2
      ),
      disagreeing AS (SELECT * FROM unit WHERE spread > ${threshold}::float8)`;

  return Prisma.sql`
    WITH base AS MATERIALIZED (
      SELECT a.target_type, a.target_id, a.document_position, a.user_id, a.identifier, a.annotator_kind, ${value} AS val, a.updated_at
      FROM annotations a ${timeJoins}
      WHERE ${Prisma.join(conditions, " AND ")}
    ),
    v AS MATERIALIZED (${scoped}),
    cell AS (
      SELECT x.user_id AS a_user, x.identifier AS a_identifier, y.user_id AS b_user, y.identifier AS b_identifier,
        x.val AS a_value, y.val AS b_value, count(*)::int AS count
      FROM v x JOIN v y ON ${sameItem("x", "y")} AND x.identifier < y.identifier
      ${inPair}
      GROUP BY 1, 2, 3, 4, 5, 6
    ),
    ${units},
    top AS (
      SELECT * FROM disagreeing
      ORDER BY spread DESC NULLS LAST, distinct_values DESC, last_at DESC, target_id DESC, document_position
      LIMIT ${MAX_DISAGREEMENTS}
    )
    SELECT
      (SELECT json_agg(json_build_object('userId', p.user_id, 'identifier', p.identifier, 'kind', p.kind, 'name', u.name, 'email', u.email))
        FROM (SELECT user_id, identifier, min(annotator_kind::text) AS kind FROM v GROUP BY user_id, identifier) p
        LEFT JOIN users u ON u.id = p.user_id) AS annotators,
      (SELECT json_agg(json_build_object('aUser', c.a_user, 'aIdentifier', c.a_identifier, 'bUser', c.b_user, 'bIdentifier', c.b_identifier,
          'aValue', c.a_value, 'bValue', c.b_value, 'count', c.count)) FROM cell c) AS cells,
      al.units, al.n AS "values", al.within, al.total,
      (SELECT count(*)::int FROM disagreeing) AS "disagreementTotal",
      (SELECT json_agg(json_build_object(
          'targetType', k.target_type,
          'targetId', coalesce(t.trace_id, s.span_id, se.session_id, k.target_id::text),
          'traceId', coalesce(t.trace_id, st.trace_id),
          'documentPosition', k.document_position,
          'values', (SELECT json_agg(json_build_object('userId', x.user_id, 'identifier', x.identifier, 'value', x.val))
            FROM v x WHERE ${sameItem("x", "k")}))
          ORDER BY k.spread DESC NULLS LAST, k.distinct_values DESC, k.last_at DESC, k.target_id DESC, k.document_position)
        FROM top k
        LEFT JOIN traces t ON k.target_type = 'TRACE' AND t.id = k.target_id
        LEFT JOIN spans s ON k.target_type IN ('SPAN', 'DOCUMENT') AND s.id = k.target_id
        LEFT JOIN traces st ON st.id = s.trace_row_id
        LEFT JOIN sessions se ON k.target_type = 'SESSION' AND se.id = k.target_id) AS disagreements
    FROM alpha al`;
}
