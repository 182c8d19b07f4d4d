import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { annotationReader } from "@/lib/review/blind-review";
import type { DashboardFilters } from "./dashboard-filters";
import type { DistributionBar, LowRatedSession, SatisfactionDashboard, TrendPoint } from "./dashboard-types";
import {
  bucketStart, countedAnnotations, distributionSql, groupFigures, inRange, labelsByGroup, projectRubrics, summary, trendPointJson, dashboardQuery,
  type ProjectRef, type Weight,
} from "./dashboard-sql";
import { mergeRubricCounts, rollupBaseSql, rubricRollupServes } from "./rubric-rollup";

const LOWEST = 10;

/**
 * Session satisfaction: the chosen session rubric (filters.session) over time
 * by day/week of the session's start (UTC), per annotator kind (count, mean
 * score and its 95% t-interval, count per label); its distribution (labels, or
 * a score histogram between the rubric's bounds); how many sessions in range
 * have a human / an LLM value; and the 10 lowest-rated sessions (mean human
 * score, or the machine's when no human rated it; ties by session id).
 *
 * Filters: from/to on the session's start time, reviewer (user id), annotator
 * kind. Values are read through blind review. Notes and the `adjudicated`
 * final value are left out (see countedAnnotations). Two statements: the
 * project's rubrics, then every figure in one query over the rubric's values.
 * The trend and distribution come rolled up (annotation_rubric_counts, see
 * rubric-rollup.ts) for a reader who sees every value, without a reviewer
 * filter and with from/to on UTC midnights, else from the values themselves;
 * the per-session figures always from the values (the same figures either way).
 */
export async function satisfactionDashboard(
  actor: Actor | null, project: ProjectRef, filters: DashboardFilters, { live = false }: { live?: boolean } = {},
): Promise<SatisfactionDashboard> {
  authorize(actor, "read");
  const reader = annotationReader(actor, project);
  const rubrics = await projectRubrics(project.id);
  const choices = rubrics.filter((r) => r.targets.includes("SESSION") && !r.archived).map((r) => r.name);
  const name = filters.session;
  const rubric = rubrics.find((r) => r.name === name && r.targets.includes("SESSION")) ?? null;
  const mode = rubric?.type === "CONTINUOUS" ? "scores" : rubric?.type === "CATEGORICAL" ? "labels" : "auto";
  // A continuous rubric's figures need no label: leaving it out lets the values come from the index alone.
  const label = mode === "scores" ? Prisma.sql`NULL::text` : Prisma.sql`a.label`;
  // `live`: the live figures whatever the reader (the rollup tests compare both).
  const rolled = !live && rubricRollupServes(reader, filters);
  if (rolled) await mergeRubricCounts(project.id);
  const weight: Weight = rolled ? "n" : "row";
  const distribution = distributionSql(mode, rubric?.labels ?? [], { lower: rubric?.lowerBound ?? null, upper: rubric?.upperBound ?? null }, weight);
  const sessionRange = inRange(Prisma.sql`s.start_time`, filters);
  // The most frequent label per session: an ordered-set aggregate, which makes Postgres sort every value by
  // session (most of this statement's time at 100k sessions). A continuous rubric has no labels (see
  // label above), so there the per-session figures hash instead.
  const sessionLabels = mode === "scores"
    ? Prisma.sql`NULL::text AS human_label, NULL::text AS machine_label`
    : Prisma.sql`mode() WITHIN GROUP (ORDER BY label) FILTER (WHERE kind = 'HUMAN' AND label IS NOT NULL) AS human_label,
        mode() WITHIN GROUP (ORDER BY label) FILTER (WHERE kind <> 'HUMAN' AND label IS NOT NULL) AS machine_label`;

  // The rubric's counted values on the project's sessions in range, one row each (`extra`: more columns).
  const values = (extra: Prisma.Sql) => Prisma.sql`
      SELECT a.target_id AS session_row, a.annotator_kind AS kind, ${label} AS label, a.score${extra}
      FROM annotations a JOIN sessions s ON s.id = a.target_id
      WHERE a.target_type = 'SESSION' AND a.name = ${name} AND ${countedAnnotations(Prisma.sql`a`, project.id, reader, filters)}
        AND s.project_id = ${project.id} AND ${sessionRange}`;

  // The same values for the per-session figures only, without the join: the aggregate per session is
  // checked against the project's sessions in range after grouping (a value per session, not per value).
  const sessionValues = Prisma.sql`
      SELECT a.target_id AS session_row, a.annotator_kind AS kind, ${label} AS label, a.score FROM annotations a
      WHERE a.target_type = 'SESSION' AND a.name = ${name} AND ${countedAnnotations(Prisma.sql`a`, project.id, reader, filters)}`;

  const [row] = await dashboardQuery<{
    sessions: number; ratedByHuman: number; ratedByLlm: number;
    overTime: TrendPoint[]; distribution: DistributionBar[]; lowest: LowRatedSession[];
  }[]>(Prisma.sql`
    WITH ${rolled
      ? Prisma.sql`base AS MATERIALIZED (${rollupBaseSql(project.id, name ?? "", filters, { sessions: true, withLabel: mode !== "scores" })}),
        session_values AS (${sessionValues}),`
      : Prisma.sql`base AS MATERIALIZED (${values(Prisma.sql`, ${bucketStart(Prisma.sql`s.start_time`, filters.bucket)} AS bucket`)}),
        session_values AS (SELECT * FROM base),`}
    trend AS (SELECT bucket, kind, ${groupFigures(weight)} FROM base GROUP BY bucket, kind),
    ${labelsByGroup("trend_labels", Prisma.sql`bucket, kind`, weight)},
    -- sum / count, not avg: the same figure (avg sums the same way), without avg's array state per group.
    per_session AS (
      SELECT session_row, human_n, llm_n,
        CASE WHEN human_n > 0 THEN human_sum / nullif(human_scored, 0) ELSE machine_sum / nullif(machine_scored, 0) END AS mean,
        CASE WHEN human_n > 0 THEN human_label ELSE machine_label END AS label,
        CASE WHEN human_n > 0 THEN human_n ELSE machine_n END AS ratings
      FROM (
        SELECT session_row,
          count(*) FILTER (WHERE kind = 'HUMAN') AS human_n,
          count(*) FILTER (WHERE kind = 'LLM') AS llm_n,
          count(*) FILTER (WHERE kind <> 'HUMAN') AS machine_n,
          sum(score) FILTER (WHERE kind = 'HUMAN') AS human_sum, count(score) FILTER (WHERE kind = 'HUMAN') AS human_scored,
          sum(score) FILTER (WHERE kind <> 'HUMAN') AS machine_sum, count(score) FILTER (WHERE kind <> 'HUMAN') AS machine_scored,
          ${sessionLabels}
        FROM session_values GROUP BY session_row
        ${rolled ? Prisma.sql`HAVING session_row IN (SELECT s.id FROM sessions s WHERE s.project_id = ${project.id} AND ${sessionRange})` : Prisma.empty}
      ) g
    ),
    -- The 10th lowest mean: only sessions up to it (ties included) are joined for their id, the tie-breaker.
    lowest_cut AS (
      SELECT mean FROM per_session WHERE mean IS NOT NULL OR label IS NOT NULL
      ORDER BY mean ASC NULLS LAST LIMIT 1 OFFSET ${LOWEST - 1}
    ),
    lowest AS (
      SELECT s.session_id, s.start_time, left(s.first_input, 240) AS first_input, r.mean, r.label, r.ratings
      FROM per_session r JOIN sessions s ON s.id = r.session_row
      WHERE (r.mean IS NOT NULL OR r.label IS NOT NULL)
        AND (r.mean <= (SELECT mean FROM lowest_cut) OR (SELECT mean FROM lowest_cut) IS NULL)
      ORDER BY r.mean ASC NULLS LAST, s.session_id
      LIMIT ${LOWEST}
    ),
    ${distribution.ctes}
    SELECT
      (SELECT count(*)::int FROM sessions s WHERE s.project_id = ${project.id} AND ${sessionRange}) AS sessions,
      (SELECT count(*)::int FROM per_session WHERE human_n > 0) AS "ratedByHuman",
      (SELECT count(*)::int FROM per_session WHERE llm_n > 0) AS "ratedByLlm",
      (SELECT coalesce(json_agg(${trendPointJson(Prisma.sql`t`, Prisma.sql`l.labels`)} ORDER BY t.bucket, t.kind), '[]'::json)
        FROM trend t LEFT JOIN trend_labels l ON l.bucket = t.bucket AND l.kind = t.kind) AS "overTime",
      ${distribution.json} AS distribution,
      (SELECT coalesce(json_agg(json_build_object('sessionId', session_id, 'startTime', start_time, 'firstInput', first_input,
          'meanScore', mean, 'label', label, 'ratings', ratings) ORDER BY mean ASC NULLS LAST, session_id), '[]'::json)
        FROM lowest) AS lowest`);

  return {
    rubric: rubric ? summary(rubric) : null,
    choices,
    overTime: row.overTime,
    distribution: row.distribution,
    sessions: row.sessions,
    ratedByHuman: row.ratedByHuman,
    ratedByLlm: row.ratedByLlm,
    lowest: row.lowest.map((l) => ({ ...l, startTime: new Date(l.startTime).toISOString(), ratings: Number(l.ratings) })),
  };
}
