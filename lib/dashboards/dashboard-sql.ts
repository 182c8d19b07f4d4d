import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RubricType } from "@/lib/generated/prisma/enums";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import { ADJUDICATED_IDENTIFIER } from "@/lib/adjudication/adjudication-types";
import { visibleAnnotation, type AnnotationReader } from "@/lib/review/blind-review";
import { categoricalValuesSchema } from "@/lib/review/rubric-values";
import type { DashboardFilters } from "./dashboard-filters";
import type { RubricSummary } from "./dashboard-types";

// The SQL pieces every dashboard section shares: which annotations count, the
// date range, time buckets, the 95% t-interval, histogram bins and the bars of
// a distribution. Sections build one statement from them (a CTE `base` of the
// filtered values, then every figure aggregated from it) and read one JSON row.

export type ProjectRef = { id: number; blindReview: boolean };

/** A project's rubric, as the dashboards read it. */
export type ProjectRubric = RubricSummary & { targets: string[]; archived: boolean };

/** The rubrics attached to a project, by name (one small query; the sections' choosers and bins need them first). */
export async function projectRubrics(projectId: number): Promise<ProjectRubric[]> {
  const rows = await prisma.$queryRaw<
    { name: string; type: RubricType; values: unknown; lowerBound: number | null; upperBound: number | null; targets: string[]; archived: boolean }[]
  >`
    SELECT r.name, r.type, r.values, r.lower_bound AS "lowerBound", r.upper_bound AS "upperBound",
      r.targets::text[] AS targets, r.archived_at IS NOT NULL AS archived
    FROM rubrics r JOIN project_rubrics pr ON pr.rubric_id = r.id
    WHERE pr.project_id = ${projectId}
    ORDER BY r.name`;
  return rows.map((r) => {
    const values = categoricalValuesSchema.safeParse(r.values);
    return {
      name: r.name, type: r.type, lowerBound: r.lowerBound, upperBound: r.upperBound, targets: r.targets, archived: r.archived,
      labels: r.type === "CATEGORICAL" && values.success ? values.data.map((v) => v.label) : [],
    };
  });
}

export const summary = ({ name, type, labels, lowerBound, upperBound }: ProjectRubric): RubricSummary => ({ name, type, labels, lowerBound, upperBound });

/**
 * The annotation rows (alias `a`) the raw figures count: the project's, not notes
 * (conversation, not values), not the lead's `adjudicated` final value (raw
 * figures are what annotators said; a final value would count a target twice
 * and show a lead's decision as if it were one more rating), visible to the
 * reader under blind review, and the reviewer / annotator-kind filters.
 */
export function countedAnnotations(a: Prisma.Sql, projectId: number, reader: AnnotationReader, filters: Pick<DashboardFilters, "reviewer" | "kind">): Prisma.Sql {
  const conditions = [
    Prisma.sql`${a}.project_id = ${projectId}`,
    Prisma.sql`${a}.name <> ${RESERVED_NOTE_NAME}`,
    Prisma.sql`${a}.identifier <> ${ADJUDICATED_IDENTIFIER}`,
    visibleAnnotation(a, reader),
  ];
  if (filters.reviewer) conditions.push(Prisma.sql`${a}.user_id = ${filters.reviewer}::uuid`);
  if (filters.kind) conditions.push(Prisma.sql`${a}.annotator_kind = ${filters.kind}::"AnnotatorKind"`);
  return Prisma.join(conditions, " AND ");
}

/** `column` within [from, to) (either bound optional). */
export function inRange(column: Prisma.Sql, filters: Pick<DashboardFilters, "from" | "to">): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.from) conditions.push(Prisma.sql`${column} >= ${filters.from}`);
  if (filters.to) conditions.push(Prisma.sql`${column} < ${filters.to}`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** The UTC start of the day/week (weeks start on Monday, ISO) holding `column`, as a timestamp (format it with bucketText after grouping). */
export const bucketStart = (column: Prisma.Sql, bucket: DashboardFilters["bucket"]) =>
  Prisma.sql`date_trunc(${bucket}::text, ${column} AT TIME ZONE 'UTC')`;
export const bucketText = (start: Prisma.Sql) => Prisma.sql`to_char(${start}, 'YYYY-MM-DD')`;

/**
 * How a row of a section's `base` counts: once (the live rows, one per value) or
 * `n` times (the rolled-up rows, one per key with its count, see rubric-rollup.ts).
 * The aggregates a group's figures need, for either.
 */
export type Weight = "row" | "n";
export const countOf = (w: Weight) => (w === "row" ? Prisma.sql`count(*)::int` : Prisma.sql`sum(n)::int`);
const scoredOf = (w: Weight) => (w === "row" ? Prisma.sql`count(score)::int` : Prisma.sql`coalesce(sum(n) FILTER (WHERE score IS NOT NULL), 0)::int`);
/** Mean score; `avg` over rows, sum(n·score) / Σn over keys (the same figure, up to float rounding). */
export const meanOf = (w: Weight) => (w === "row" ? Prisma.sql`avg(score)` : Prisma.sql`(sum(n * score) / nullif(sum(n) FILTER (WHERE score IS NOT NULL), 0))`);
/** `n`, `scored`, `mean`, `sd` (sample standard deviation, null below 2 scores) of a group, as trendPointJson reads them. */
export function groupFigures(w: Weight): Prisma.Sql {
  if (w === "row") return Prisma.sql`count(*)::int AS n, count(score)::int AS scored, avg(score) AS mean, stddev_samp(score) AS sd`;
  const scored = Prisma.sql`sum(n) FILTER (WHERE score IS NOT NULL)`;
  return Prisma.sql`${countOf(w)} AS n, ${scoredOf(w)} AS scored, ${meanOf(w)} AS mean,
    CASE WHEN ${scored} > 1 THEN sqrt(greatest(0, (sum(n * score * score) - sum(n * score) ^ 2 / ${scored}) / (${scored} - 1))) END AS sd`;
}

/**
 * Two-sided 95% Student t critical values t(0.975, df) for df = 1…30 (the usual
 * table, 4 decimals); above 30 the Cornish–Fisher expansion of t around
 * z = 1.959964 to the 1/df³ term, which gives 2.0423 at df = 30 (the table's
 * value) and tends to z: error below 1e-4 for every df > 30.
 */
export const T95_TABLE = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314,
  2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];
const Z = 1.959964;
export function t95(df: number): number {
  if (df <= T95_TABLE.length) return T95_TABLE[df - 1];
  const [z3, z5, z7] = [Z ** 3, Z ** 5, Z ** 7];
  return Z + (z3 + Z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * Z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * Z) / (384 * df ** 3);
}
/** The same in SQL, for an integer expression `df` ≥ 1. */
export function t95Sql(df: Prisma.Sql): Prisma.Sql {
  const [z3, z5, z7] = [Z ** 3, Z ** 5, Z ** 7];
  const c1 = (z3 + Z) / 4, c2 = (5 * z5 + 16 * z3 + 3 * Z) / 96, c3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * Z) / 384;
  const n = (value: number) => Prisma.raw(String(value));
  return Prisma.sql`(CASE WHEN ${df} <= ${n(T95_TABLE.length)} THEN (${Prisma.raw(`ARRAY[${T95_TABLE.join(",")}]::float8[]`)})[${df}]
    ELSE ${n(Z)} + ${n(c1)} / (${df})::float8 + ${n(c2)} / ((${df})::float8 ^ 2) + ${n(c3)} / ((${df})::float8 ^ 3) END)`;
}

/**
 * JSON object of a trend point from a group's aggregates: `n` values, `scored`
 * of them with a score, `mean`, `sd` (sample standard deviation) and `labels`.
 * The interval is mean ± t(0.975, scored − 1) · sd / √scored; null below 2 scores.
 */
export function trendPointJson(g: Prisma.Sql, labels: Prisma.Sql): Prisma.Sql {
  const half = Prisma.sql`(${t95Sql(Prisma.sql`(${g}.scored - 1)`)} * ${g}.sd / sqrt(${g}.scored))`;
  return Prisma.sql`json_build_object('bucket', ${bucketText(Prisma.sql`${g}.bucket`)}, 'annotatorKind', ${g}.kind,
    'count', ${g}.n, 'mean', ${g}.mean,
    'ciLow', CASE WHEN ${g}.scored >= 2 THEN ${g}.mean - ${half} END,
    'ciHigh', CASE WHEN ${g}.scored >= 2 THEN ${g}.mean + ${half} END,
    'labels', coalesce(${labels}, '{}'::json))`;
}

/**
 * Histogram bins between a continuous rubric's bounds: one bin per integer when
 * both bounds are integers at most 20 apart (a 1–5 or 0–10 scale: a bar per
 * value, "3"); else 10 even bins ("2.5–3"), the upper bound in the last one.
 * Without bounds, the same rule on the data's floor(min)…ceil(max) (in SQL).
 */
export type BinSpec = { lower: number | null; upper: number | null };

/**
 * The distribution CTEs and the JSON array of bars, from a CTE `base` with
 * columns kind, label, score. `mode`: labels (categorical: the rubric's labels
 * in order, then any other label seen, zero bars included for every kind that
 * has values), scores (histogram), or auto (labels when any value has one).
 */
export function distributionSql(mode: "labels" | "scores" | "auto", labels: string[], bins: BinSpec, weight: Weight = "row"): { ctes: Prisma.Sql; json: Prisma.Sql } {
  const count = countOf(weight);
  const ctes = Prisma.sql`
    dist_mode AS (
      SELECT CASE WHEN ${mode}::text = 'auto' THEN (CASE WHEN EXISTS (SELECT 1 FROM base WHERE label IS NOT NULL) THEN 'labels' ELSE 'scores' END)
        ELSE ${mode}::text END AS mode),
    dist_kinds AS (SELECT DISTINCT kind FROM base),
    label_keys AS (
      SELECT l.label, l.ord FROM unnest(${labels}::text[]) WITH ORDINALITY AS l(label, ord)
      UNION ALL
      SELECT x.label, 1000000 + row_number() OVER (ORDER BY x.label) FROM (
        SELECT DISTINCT label FROM base WHERE label IS NOT NULL AND label <> ALL(${labels}::text[])) x),
    label_counts AS (SELECT kind, label, ${count} AS n FROM base WHERE label IS NOT NULL GROUP BY kind, label),
    bin_range AS (
      SELECT coalesce(${bins.lower}::float8, floor(min(score))) AS lo, coalesce(${bins.upper}::float8, ceil(max(score))) AS hi
      FROM base WHERE score IS NOT NULL),
    bin_spec AS (
      SELECT lo, hi, (lo = floor(lo) AND hi = floor(hi) AND hi - lo <= 20) AS unit FROM bin_range WHERE lo IS NOT NULL),
    bin_shape AS (
      SELECT lo, hi, unit, CASE WHEN unit THEN (hi - lo + 1)::int WHEN hi > lo THEN 10 ELSE 1 END AS bins,
        CASE WHEN unit THEN 1 WHEN hi > lo THEN (hi - lo) / 10 ELSE 1 END AS width FROM bin_spec),
    bin_counts AS (
      SELECT b.kind, b.bin, ${count} AS n FROM (
        SELECT base.kind, greatest(0, least(s.bins - 1, floor((base.score - s.lo) / s.width)::int)) AS bin${weight === "n" ? Prisma.sql`, base.n` : Prisma.empty}
        FROM base CROSS JOIN bin_shape s WHERE base.score IS NOT NULL) b
      GROUP BY b.kind, b.bin),
    bars AS (
      SELECT k.kind, lk.label AS key, NULL::float8 AS bin_start, coalesce(lc.n, 0) AS n, lk.ord AS ord
      FROM dist_mode m CROSS JOIN dist_kinds k CROSS JOIN label_keys lk
      LEFT JOIN label_counts lc ON lc.kind = k.kind AND lc.label = lk.label
      WHERE m.mode = 'labels' AND (lc.n IS NOT NULL OR lk.ord < 1000000)
      UNION ALL
      SELECT k.kind,
        CASE WHEN s.unit THEN rtrim(to_char(s.lo + i, 'FM999999999990.999'), '.')
          ELSE rtrim(to_char(s.lo + i * s.width, 'FM999999999990.999'), '.') || '–' || rtrim(to_char(s.lo + (i + 1) * s.width, 'FM999999999990.999'), '.') END,
        s.lo + i * s.width, coalesce(bc.n, 0), i
      FROM dist_mode m CROSS JOIN bin_shape s CROSS JOIN dist_kinds k CROSS JOIN generate_series(0, s.bins - 1) i
      LEFT JOIN bin_counts bc ON bc.kind = k.kind AND bc.bin = i
      WHERE m.mode = 'scores')`;
  const json = Prisma.sql`(SELECT coalesce(json_agg(json_build_object('annotatorKind', kind, 'key', key, 'binStart', bin_start, 'count', n)
    ORDER BY kind, ord), '[]'::json) FROM bars)`;
  return { ctes, json };
}

/** Labels per group as a JSON object, from a CTE `base` with the group columns. */
export function labelsByGroup(name: string, groupColumns: Prisma.Sql, weight: Weight = "row"): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(name)} AS (
    SELECT ${groupColumns}, json_object_agg(label, n ORDER BY label) AS labels FROM (
      SELECT ${groupColumns}, label, ${countOf(weight)} AS n FROM base WHERE label IS NOT NULL GROUP BY ${groupColumns}, label) x
    GROUP BY ${groupColumns})`;
}

/**
 * Runs one dashboard statement in a transaction with its settings: work_mem
 * large enough that grouping ~200k values per rubric hashes and sorts in memory
 * (the 4 MB default spilled the per-session sort to disk), and no parallel
 * workers (on a small machine also serving the app they cost more to start
 * than they save, as lib/themes/list-notes.ts measured).
 */
export async function dashboardQuery<T>(sql: Prisma.Sql): Promise<T> {
  const [, , rows] = await prisma.$transaction([
    prisma.$executeRaw`SET LOCAL work_mem = '64MB'`,
    prisma.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
    prisma.$queryRaw<T>(sql),
  ], { timeout: 60_000 });
  return rows;
}
