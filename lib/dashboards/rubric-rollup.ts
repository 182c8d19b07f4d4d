import { Prisma } from "@/lib/generated/prisma/client";
import { mergeRollup } from "@/lib/dashboards/merge-rollup";
import type { AnnotationReader } from "@/lib/review/blind-review";
import type { DashboardFilters } from "./dashboard-filters";
import { rollupServes } from "./reviewer-progress";

// The rubric and satisfaction sections, rolled up: annotation_rubric_counts
// (migration 20261204002000_rubric_rollup) holds the counted values per
// project, rubric, target kind, the target's UTC start day, span kind and root
// span name, annotator kind, label and exact score, kept by triggers on the
// annotations and on the targets (ingest may change a trace's root span or
// start later). A few thousand rows per rubric instead of every value joined
// to its target.
//
// Exact scores are keys, so every figure is exact whatever the rubric's bounds
// are when read (a histogram is binned at read time): a key is a distinct
// (day, kind, span kind, root name, label, score), so the rollup has at most as
// many rows as the values and, for rubrics on a scale or with labels, a few per
// day. No fallback for "too many distinct scores": reading the rollup is never
// more rows than the live path and needs no join.

/** Unmerged rollup rows of a project above which a read merges them first (each write statement appends one per key it changed). */
export const MERGE_AFTER_ROWS = 1000;

/**
 * Whether the rollup answers: a reader who sees every value (blind review reads
 * live), no reviewer filter (the rollup has no per-user keys), and from/to on
 * UTC midnights (the rollup keeps the target's day, not its time).
 */
export function rubricRollupServes(reader: AnnotationReader, filters: Pick<DashboardFilters, "from" | "to" | "reviewer">): boolean {
  return rollupServes(reader, filters) && !filters.reviewer;
}

/**
 * The rolled-up `base` of a section: one row per key with its count `n` (keys
 * whose count came to 0 left out), columns kind, label, score, bucket,
 * span_kind, root_name, n. `sessions`: the satisfaction section's values (on
 * sessions of the project only); else every value of the rubric. `withLabel`
 * false: labels left out (a continuous rubric's figures use none).
 */
export function rollupBaseSql(projectId: number, name: string, filters: DashboardFilters, { sessions, withLabel }: { sessions: boolean; withLabel: boolean }): Prisma.Sql {
  const conditions = [Prisma.sql`c.project_id = ${projectId}`, Prisma.sql`c.name = ${name}`];
  if (sessions) conditions.push(Prisma.sql`c.target_type = 'SESSION' AND c.in_project`);
  if (filters.kind) conditions.push(Prisma.sql`c.annotator_kind = ${filters.kind}::"AnnotatorKind"`);
  if (filters.from) conditions.push(Prisma.sql`c.day >= ${filters.from.toISOString().slice(0, 10)}::date`);
  if (filters.to) conditions.push(Prisma.sql`c.day < ${filters.to.toISOString().slice(0, 10)}::date`);
  return Prisma.sql`
    SELECT c.annotator_kind AS kind, ${withLabel ? Prisma.sql`c.label` : Prisma.sql`NULL::text`} AS label, c.score,
      date_trunc(${filters.bucket}::text, c.day::timestamp) AS bucket, c.span_kind::text AS span_kind, c.root_name, sum(c.n)::int AS n
    FROM annotation_rubric_counts c
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(c.n) <> 0`;
}

/** Merges the project's annotation_rubric_counts rows once enough unmerged ones piled up (see mergeRollup). */
export function mergeRubricCounts(projectId: number, { force = false } = {}): Promise<void> {
  return mergeRollup("annotation_rubric_counts", projectId, { after: MERGE_AFTER_ROWS, force });
}
