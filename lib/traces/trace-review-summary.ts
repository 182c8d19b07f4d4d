import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleAnnotation, type AnnotationReader } from "@/lib/review/blind-review";

export type LabelCount = { name: string; label: string | null; count: number; meanScore: number | null };
// hidden: trace-level values the reader may not see yet (blind review), counted but not shown.
export type TraceReviewSummary = { labels: LabelCount[]; hidden: number; noteCount: number; reviewers: number };

/**
 * Per trace of a page: trace-level labels with counts, notes on it or its
 * spans, distinct reviewers. One query. Values the reader may not see under
 * blind review are only counted, as the trace page shows them as hidden.
 */
export async function traceReviewSummaries(traceRowIds: number[], reader: AnnotationReader): Promise<Map<number, TraceReviewSummary>> {
  const summaries = new Map<number, TraceReviewSummary>(traceRowIds.map((id) => [id, { labels: [], hidden: 0, noteCount: 0, reviewers: 0 }]));
  if (traceRowIds.length === 0) return summaries;
  const visible = visibleAnnotation(Prisma.sql`a`, reader);
  const rows = await prisma.$queryRaw<{ traceRowId: number; kind: "label" | "hidden" | "notes" | "reviewers"; name: string | null; label: string | null; count: number; meanScore: number | null }[]>`
    WITH shown AS (
      SELECT a.trace_row_id, a.name, a.label, a.score, ${visible} AS visible
      FROM annotations a WHERE a.trace_row_id = ANY(${traceRowIds}::int[]) AND a.target_type = 'TRACE' AND a.name <> 'note'
    )
    SELECT trace_row_id AS "traceRowId", 'label' AS kind, name, label, count(*)::int AS count, avg(score)::float8 AS "meanScore"
    FROM shown WHERE visible
    GROUP BY trace_row_id, name, label
    UNION ALL
    SELECT trace_row_id, 'hidden', NULL, NULL, count(*)::int, NULL
    FROM shown WHERE NOT visible
    GROUP BY trace_row_id
    UNION ALL
    SELECT trace_row_id, 'notes', NULL, NULL, count(*)::int, NULL
    FROM annotations WHERE trace_row_id = ANY(${traceRowIds}::int[]) AND name = 'note'
    GROUP BY trace_row_id
    UNION ALL
    SELECT trace_row_id, 'reviewers', NULL, NULL, count(DISTINCT user_id)::int, NULL
    FROM annotations WHERE trace_row_id = ANY(${traceRowIds}::int[]) AND name <> 'note' AND annotator_kind = 'HUMAN'
    GROUP BY trace_row_id`;
  for (const row of rows) {
    const summary = summaries.get(row.traceRowId)!;
    if (row.kind === "notes") summary.noteCount = row.count;
    else if (row.kind === "reviewers") summary.reviewers = row.count;
    else if (row.kind === "hidden") summary.hidden = row.count;
    else summary.labels.push({ name: row.name!, label: row.label, count: row.count, meanScore: row.meanScore });
  }
  for (const summary of summaries.values()) summary.labels.sort((a, b) => a.name.localeCompare(b.name) || b.count - a.count);
  return summaries;
}
