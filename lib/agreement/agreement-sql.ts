import { Prisma } from "@/lib/generated/prisma/client";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import { ADJUDICATED_IDENTIFIER } from "@/lib/adjudication/adjudication-types";
import type { ProjectRef } from "@/lib/adjudication/disagreements";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { visibleAnnotation, type AnnotationReader } from "@/lib/review/blind-review";

export const MAX_DISAGREEMENTS = 20;

/**
 * An annotator in SQL: `identifier|user id|annotator kind` (user id empty for
 * none). Identifiers may hold "|", user ids and kinds never do, so the key is
 * read from the right (parseAnnotatorKey).
 */
const annotatorSql = Prisma.sql`a.identifier || '|' || coalesce(a.user_id::text, '') || '|' || a.annotator_kind::text`;

export function parseAnnotatorKey(key: string): { identifier: string; userId: string | null; kind: string } {
  const kindAt = key.lastIndexOf("|");
  const userAt = key.lastIndexOf("|", kindAt - 1);
  return { identifier: key.slice(0, userAt), userId: key.slice(userAt + 1, kindAt) || null, kind: key.slice(kindAt + 1) };
}

/**
 * The agreement section's one statement (lib/agreement/agreement-dashboard.ts).
 *
 * One pass over the rubric's values the reader may see (label or score; notes and
 * the adjudicated value left out) groups them by item: `items` holds each item's
 * annotators and values as two arrays in identifier order. Everything else comes
 * from those 100k-odd rows, not the annotations again:
 * - `patterns`: items with the same annotators and values, counted — few rows
 *   (bounded by the items). The pairwise contingency counts are the pairs
 *   (i < j) of each pattern, summed: GROUP BY annotator a, annotator b, value a,
 *   value b, as a self-join on the item would give, without joining 400k rows.
 * - alpha's aggregates (lib/agreement/alpha.ts): nominal, per pattern m and
 *   Σ_c n_uc², and each value's total n_c; interval, per item m, mean and var_samp.
 * - disagreements: items whose labels differ (min ≠ max) or whose scores spread
 *   above `threshold`, the widest (then the most values, then the newest) first.
 * With the reviewer filter, only items the reviewer has a value on.
 */
export function agreementSql(project: ProjectRef, reader: AnnotationReader, filters: DashboardFilters, rubricName: string,
  categorical: boolean, threshold: number): Prisma.Sql {
  return agreementFrom({
    ctes: Prisma.sql`
      items AS MATERIALIZED (${liveItemsSql(project, reader, filters, rubricName, categorical, threshold)}),
      patterns AS MATERIALIZED (SELECT who, vals, m, count(*)::int AS n FROM items GROUP BY who, vals, m),`,
    alpha: categorical ? nominalAlphaSql : Prisma.sql`
      -- W = Σ_u m_u var_u; T = n · Σ_u ((m_u − 1) var_u + m_u (mean_u − mean)²), the total sum of squares times n.
      SELECT count(*)::int AS units, coalesce(sum(i.m), 0)::int AS n, sum(i.m * i.var) AS within,
        coalesce(sum(i.m), 0) * sum((i.m - 1) * i.var + i.m * (i.mean - g.mean) ^ 2) AS total
      FROM items i CROSS JOIN (SELECT sum(m * mean) / nullif(sum(m), 0) AS mean FROM items WHERE m >= 2) g
      WHERE i.m >= 2`,
    disagreementTotal: Prisma.sql`SELECT count(*)::int FROM items WHERE differ`,
    top: Prisma.sql`SELECT target_type, target_id, document_position, m, who, vals, spread FROM items WHERE differ
      ORDER BY spread DESC NULLS LAST, m DESC, target_id DESC, document_position, target_type LIMIT ${MAX_DISAGREEMENTS}`,
  });
}

// Nominal alpha from the patterns (live and rolled up alike).
// W = Σ_u (m_u² − Σ_c n_uc²)/(m_u − 1); T = n² − Σ_c n_c² (pairable items only).
const nominalAlphaSql = Prisma.sql`
  SELECT coalesce(sum(p.n), 0)::int AS units, coalesce(sum(p.n * p.m), 0)::int AS n,
    sum(p.n * (p.m::float8 * p.m - (SELECT sum(c * c) FROM (SELECT count(*)::float8 AS c FROM unnest(p.vals) x GROUP BY x) s)) / (p.m - 1)) AS within,
    coalesce(sum(p.n * p.m), 0)::float8 ^ 2 - (SELECT coalesce(sum(t * t), 0) FROM (
      SELECT sum(q.n)::float8 AS t FROM patterns q, unnest(q.vals) x WHERE q.m >= 2 GROUP BY x) totals) AS total
  FROM patterns p WHERE p.m >= 2`;

/**
 * Whether the rollup (agreement_items, migration 20261204003000_agreement_items)
 * answers: a reader who sees every value and no filter but the rubric. Blind
 * review, the reviewer, kind and time filters read live.
 */
export function agreementRollupServes(reader: AnnotationReader, filters: DashboardFilters): boolean {
  return reader.seesAll && !filters.reviewer && !filters.kind && !filters.from && !filters.to;
}

/**
 * The same statement over the rollup (agreement_pattern_counts for the patterns,
 * agreement_items for the disagreements): the patterns are the live ones, counted
 * by the triggers, so kappa's counts and alpha's are the live ones (alpha's float
 * sums are added in another order: equal to about 1e-15, relatively). An item's
 * mean and variance are its pattern's, computed over the values in the same order.
 */
export function agreementRollupSql(project: ProjectRef, rubricName: string, categorical: boolean, threshold: number): Prisma.Sql {
  const patterns = Prisma.sql`
    patterns AS MATERIALIZED (
      SELECT c.who, ${categorical ? Prisma.sql`c.labels` : Prisma.sql`c.scores`} AS vals, cardinality(c.who) AS m, sum(c.n)::int AS n
      FROM agreement_pattern_counts c
      WHERE c.project_id = ${project.id} AND c.name = ${rubricName} AND c.scored = ${!categorical}
      GROUP BY 1, 2 HAVING sum(c.n) > 0
    ),`;
  if (categorical) {
    return agreementFrom({
      ctes: patterns,
      alpha: nominalAlphaSql,
      disagreementTotal: Prisma.sql`SELECT coalesce(sum(p.n), 0)::int FROM patterns p
        WHERE (SELECT min(x COLLATE "C") <> max(x COLLATE "C") FROM unnest(p.vals) x)`,
      top: Prisma.sql`SELECT i.target_type, i.target_id, i.document_position, i.label_m AS m, i.label_who AS who, i.labels AS vals, NULL::float8 AS spread
        FROM agreement_items i WHERE i.project_id = ${project.id} AND i.name = ${rubricName} AND i.label_differ
        ORDER BY i.label_m DESC, i.target_id DESC, i.document_position, i.target_type LIMIT ${MAX_DISAGREEMENTS}`,
    });
  }
  return agreementFrom({
    ctes: Prisma.sql`${patterns}
      scored AS (
        SELECT p.*, s.mean, s.var, s.spread FROM patterns p,
          LATERAL (SELECT avg(x) AS mean, coalesce(var_samp(x), 0) AS var, max(x) - min(x) AS spread FROM unnest(p.vals) x) s
      ),`,
    // As the live one, each pattern standing for its n items.
    alpha: Prisma.sql`
      SELECT coalesce(sum(i.n), 0)::int AS units, coalesce(sum(i.n * i.m), 0)::int AS n, sum(i.n * i.m * i.var) AS within,
        coalesce(sum(i.n * i.m), 0) * sum(i.n * ((i.m - 1) * i.var + i.m * (i.mean - g.mean) ^ 2)) AS total
      FROM scored i CROSS JOIN (SELECT sum(n * m * mean) / nullif(sum(n * m), 0) AS mean FROM scored WHERE m >= 2) g
      WHERE i.m >= 2`,
    disagreementTotal: Prisma.sql`SELECT coalesce(sum(n), 0)::int FROM scored WHERE spread > ${threshold}::float8`,
    top: Prisma.sql`SELECT i.target_type, i.target_id, i.document_position, i.score_m AS m, i.score_who AS who, i.scores AS vals, i.score_spread AS spread
      FROM agreement_items i
      -- score_spread > 0: the partial index's condition (the threshold is never below 0).
      WHERE i.project_id = ${project.id} AND i.name = ${rubricName} AND i.score_spread > 0 AND i.score_spread > ${threshold}::float8
      ORDER BY i.score_spread DESC NULLS LAST, i.score_m DESC, i.target_id DESC, i.document_position, i.target_type LIMIT ${MAX_DISAGREEMENTS}`,
  });
}

/** The live `items`: one pass over the rubric's values the reader may see, grouped by item. */
function liveItemsSql(project: ProjectRef, reader: AnnotationReader, filters: DashboardFilters, rubricName: string,
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
  if (filters.from || filters.to) {
    // The target's start: a trace's, a span's (documents: their span's) or a session's,
    // as id sets over the (project_id, start_time) indexes.
    const range = (table: string) => {
      const bounds = [Prisma.sql`t.project_id = ${project.id}`];
      if (filters.from) bounds.push(Prisma.sql`t.start_time >= ${filters.from}`);
      if (filters.to) bounds.push(Prisma.sql`t.start_time < ${filters.to}`);
      return Prisma.sql`SELECT t.id FROM ${Prisma.raw(table)} t WHERE ${Prisma.join(bounds, " AND ")}`;
    };
    conditions.push(Prisma.sql`(
      (a.target_type = 'TRACE' AND a.target_id IN (${range("traces")}))
      OR (a.target_type IN ('SPAN', 'DOCUMENT') AND a.target_id IN (${range("spans")}))
      OR (a.target_type = 'SESSION' AND a.target_id IN (${range("sessions")})))`);
  }
  const reviewerItems = filters.reviewer ? Prisma.sql`HAVING bool_or(a.user_id = ${filters.reviewer}::uuid)` : Prisma.empty;
  const perItem = categorical
    ? Prisma.sql`min(a.val COLLATE "C") <> max(a.val COLLATE "C") AS differ, NULL::float8 AS spread, NULL::float8 AS mean, NULL::float8 AS var`
    : Prisma.sql`max(a.val) - min(a.val) > ${threshold}::float8 AS differ, max(a.val) - min(a.val) AS spread,
        avg(a.val) AS mean, coalesce(var_samp(a.val), 0) AS var`;
  // Rows sorted once by item and identifier feed plain array_aggs (in that order): an
  // ORDER BY inside each aggregate would sort every item's few values on its own, twice.
  return Prisma.sql`
      SELECT a.target_type, a.target_id, a.document_position, count(*)::int AS m,
        array_agg(a.who) AS who, array_agg(a.val) AS vals, ${perItem}
      FROM (
        SELECT a.target_type, a.target_id, a.document_position, a.user_id, ${annotatorSql} AS who, ${value} AS val
        FROM annotations a
        WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY a.target_type, a.target_id, a.document_position, a.identifier COLLATE "C"
      ) a
      GROUP BY a.target_type, a.target_id, a.document_position
      ${reviewerItems}`;
}

/**
 * The rest of the statement, from `ctes` (ending in `patterns`: who, vals, m, n,
 * and a comma), the alpha aggregates (units, n, within, total), the number of
 * disagreeing items and the top ones (target_type, target_id, document_position,
 * m, who, vals, spread), in order.
 */
function agreementFrom(parts: { ctes: Prisma.Sql; alpha: Prisma.Sql; disagreementTotal: Prisma.Sql; top: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`
    WITH ${parts.ctes}
    cells AS (
      SELECT p.who[i] AS a, p.who[j] AS b, p.vals[i] AS "aValue", p.vals[j] AS "bValue", sum(p.n)::int AS count
      FROM patterns p, generate_subscripts(p.who, 1) i, generate_subscripts(p.who, 1) j
      WHERE i < j GROUP BY 1, 2, 3, 4
    ),
    annotator AS (SELECT DISTINCT w AS key FROM patterns, unnest(who) w),
    alpha AS (${parts.alpha}),
    top AS (${parts.top})
    SELECT
      (SELECT json_agg(json_build_object('key', an.key, 'name', u.name, 'email', u.email))
        FROM annotator an LEFT JOIN users u ON u.id::text = substring(an.key from '\\|([^|]*)\\|[^|]*$')) AS annotators,
      (SELECT json_agg(c) FROM cells c) AS cells,
      al.units, al.n AS "values", al.within, al.total,
      (${parts.disagreementTotal}) AS "disagreementTotal",
      (SELECT json_agg(json_build_object(
          'targetType', k.target_type,
          'targetId', coalesce(t.trace_id, s.span_id, se.session_id, k.target_id::text),
          'traceId', coalesce(t.trace_id, st.trace_id),
          'documentPosition', k.document_position,
          'who', k.who, 'vals', k.vals)
          ORDER BY k.spread DESC NULLS LAST, k.m DESC, k.target_id DESC, k.document_position, k.target_type)
        FROM top k
        LEFT JOIN traces t ON k.target_type = 'TRACE' AND t.id = k.target_id
        LEFT JOIN spans s ON k.target_type IN ('SPAN', 'DOCUMENT') AND s.id = k.target_id
        LEFT JOIN traces st ON st.id = s.trace_row_id
        LEFT JOIN sessions se ON k.target_type = 'SESSION' AND se.id = k.target_id) AS disagreements
    FROM alpha al`;
}
