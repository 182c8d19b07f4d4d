import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { annotationReader, type AnnotationReader } from "@/lib/review/blind-review";
import type { DashboardFilters } from "./dashboard-filters";
import type { BreakdownRow, DistributionBar, RubricDashboard, TrendPoint } from "./dashboard-types";
import {
  bucketStart, countedAnnotations, countOf, distributionSql, groupFigures, inRange, labelsByGroup, meanOf, projectRubrics, summary, trendPointJson,
  dashboardQuery, type ProjectRef, type Weight,
} from "./dashboard-sql";
import { mergeRubricCounts, rollupBaseSql, rubricRollupServes } from "./rubric-rollup";

/** Root span names shown in the breakdown (the most annotated ones). */
export const ROOT_NAME_LIMIT = 50;
/** Breakdown key of values whose target has no span kind / root span name (sessions). */
export const NO_KEY = "(none)";

/**
 * Per rubric (filters.rubric; default the first of the project's rubrics by
 * name, archived ones left out of the chooser): label counts or score
 * histogram per annotator kind, the trend over time (by day/week of the
 * target's start), and breakdowns by span kind (a span or document target's
 * own kind, a trace's root span kind) and by root span name.
 *
 * The target's time is its own start (trace, span, session); from/to filter
 * it. Two statements: the project's rubrics, then every figure in one query,
 * over one of two `base`s with the same figures:
 * - rolled up (annotation_rubric_counts, see rubric-rollup.ts): a reader who
 *   sees every value, no reviewer filter, from/to on UTC midnights;
 * - live: the values read per target type (one branch each, joined to its own
 *   table, so each branch uses its own index).
 */
export async function rubricDashboard(
  actor: Actor | null, project: ProjectRef, filters: DashboardFilters, { live = false }: { live?: boolean } = {},
): Promise<RubricDashboard> {
  authorize(actor, "read");
  const reader = annotationReader(actor, project);
  const rubrics = await projectRubrics(project.id);
  const choices = rubrics.filter((r) => !r.archived).map((r) => r.name);
  const name = filters.rubric ?? choices[0] ?? null;
  const rubric = rubrics.find((r) => r.name === name) ?? null;
  if (name === null) return { rubric: null, choices, distribution: [], overTime: [], bySpanKind: [], byRootSpanName: [] };

  const mode = rubric?.type === "CONTINUOUS" ? "scores" : rubric?.type === "CATEGORICAL" ? "labels" : "auto";
  // A continuous rubric's figures need no label: leaving it out lets the values come from the index alone.
  const label = mode === "scores" ? Prisma.sql`NULL::text` : Prisma.sql`a.label`;
  // `live`: the live figures whatever the reader (the rollup tests compare both).
  const rolled = !live && rubricRollupServes(reader, filters);
  if (rolled) await mergeRubricCounts(project.id);
  const weight: Weight = rolled ? "n" : "row";
  const base = rolled ? rollupBaseSql(project.id, name, filters, { sessions: false, withLabel: mode !== "scores" }) : liveBase(project, reader, filters, name, label);
  const distribution = distributionSql(mode, rubric?.labels ?? [], { lower: rubric?.lowerBound ?? null, upper: rubric?.upperBound ?? null }, weight);
  const [count, mean] = [countOf(weight), meanOf(weight)];

  const [row] = await dashboardQuery<{
    distribution: DistributionBar[]; overTime: TrendPoint[]; bySpanKind: BreakdownRow[]; byRootSpanName: BreakdownRow[];
  }[]>(Prisma.sql`
    WITH base AS MATERIALIZED (${base}),
    trend AS (SELECT bucket, kind, ${groupFigures(weight)} FROM base GROUP BY bucket, kind),
    ${labelsByGroup("trend_labels", Prisma.sql`bucket, kind`, weight)},
    by_kind AS (SELECT coalesce(span_kind, ${NO_KEY}) AS key, ${count} AS n, ${mean} AS mean FROM base GROUP BY 1),
    by_kind_labels AS (
      SELECT key, json_object_agg(label, n ORDER BY label) AS labels FROM (
        SELECT coalesce(span_kind, ${NO_KEY}) AS key, label, ${count} AS n FROM base WHERE label IS NOT NULL GROUP BY 1, 2) x
      GROUP BY key),
    by_name AS (
      SELECT coalesce(root_name, ${NO_KEY}) AS key, ${count} AS n, ${mean} AS mean FROM base GROUP BY 1
      ORDER BY n DESC, key LIMIT ${ROOT_NAME_LIMIT}),
    by_name_labels AS (
      SELECT key, json_object_agg(label, n ORDER BY label) AS labels FROM (
        SELECT coalesce(root_name, ${NO_KEY}) AS key, label, ${count} AS n FROM base
        WHERE label IS NOT NULL AND coalesce(root_name, ${NO_KEY}) IN (SELECT key FROM by_name) GROUP BY 1, 2) x
      GROUP BY key),
    ${distribution.ctes}
    SELECT
      ${distribution.json} AS distribution,
      (SELECT coalesce(json_agg(${trendPointJson(Prisma.sql`t`, Prisma.sql`l.labels`)} ORDER BY t.bucket, t.kind), '[]'::json)
        FROM trend t LEFT JOIN trend_labels l ON l.bucket = t.bucket AND l.kind = t.kind) AS "overTime",
      (SELECT coalesce(json_agg(json_build_object('key', k.key, 'count', k.n, 'mean', k.mean, 'labels', coalesce(l.labels, '{}'::json))
          ORDER BY k.n DESC, k.key), '[]'::json)
        FROM by_kind k LEFT JOIN by_kind_labels l ON l.key = k.key) AS "bySpanKind",
      (SELECT coalesce(json_agg(json_build_object('key', k.key, 'count', k.n, 'mean', k.mean, 'labels', coalesce(l.labels, '{}'::json))
          ORDER BY k.n DESC, k.key), '[]'::json)
        FROM by_name k LEFT JOIN by_name_labels l ON l.key = k.key) AS "byRootSpanName"`);

  return { rubric: rubric ? summary(rubric) : null, choices, ...row };
}

/** The live `base`: every counted value of the rubric the reader may see, with its target's day/week, span kind and root span name. */
function liveBase(project: ProjectRef, reader: AnnotationReader, filters: DashboardFilters, name: string, label: Prisma.Sql): Prisma.Sql {
  const counted = countedAnnotations(Prisma.sql`a`, project.id, reader, filters);
  const bucket = (column: Prisma.Sql) => bucketStart(column, filters.bucket);
  return Prisma.sql`
      SELECT a.annotator_kind AS kind, ${label} AS label, a.score, ${bucket(Prisma.sql`t.start_time`)} AS bucket,
        t.root_span_kind::text AS span_kind, t.root_span_name AS root_name
      FROM annotations a JOIN traces t ON t.id = a.target_id
      WHERE a.target_type = 'TRACE' AND a.name = ${name} AND ${counted} AND ${inRange(Prisma.sql`t.start_time`, filters)}
      UNION ALL
      SELECT a.annotator_kind, ${label}, a.score, ${bucket(Prisma.sql`sp.start_time`)},
        sp.span_kind::text, t.root_span_name
      FROM annotations a JOIN spans sp ON sp.id = a.target_id JOIN traces t ON t.id = sp.trace_row_id
      WHERE a.target_type IN ('SPAN', 'DOCUMENT') AND a.name = ${name} AND ${counted} AND ${inRange(Prisma.sql`sp.start_time`, filters)}
      UNION ALL
      SELECT a.annotator_kind, ${label}, a.score, ${bucket(Prisma.sql`s.start_time`)}, NULL, NULL
      FROM annotations a JOIN sessions s ON s.id = a.target_id
      WHERE a.target_type = 'SESSION' AND a.name = ${name} AND ${counted} AND ${inRange(Prisma.sql`s.start_time`, filters)}`;
}
