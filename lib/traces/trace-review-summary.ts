import { prisma } from "@/lib/db";

export type LabelCount = { name: string; label: string | null; count: number; meanScore: number | null };
export type TraceReviewSummary = { labels: LabelCount[]; noteCount: number; reviewers: number };

/** Per trace of a page: trace-level labels with counts, notes on it or its spans, distinct reviewers. One query. */
export async function traceReviewSummaries(traceRowIds: number[]): Promise<Map<number, TraceReviewSummary>> {
  const summaries = new Map<number, TraceReviewSummary>(traceRowIds.map((id) => [id, { labels: [], noteCount: 0, reviewers: 0 }]));
  if (traceRowIds.length === 0) return summaries;
  const rows = await prisma.$queryRaw<{ traceRowId: number; kind: "label" | "notes" | "reviewers"; name: string | null; label: string | null; count: number; meanScore: number | null }[]>`
    SELECT trace_row_id AS "traceRowId", 'label' AS kind, name, label, count(*)::int AS count, avg(score)::float8 AS "meanScore"
    FROM annotations WHERE trace_row_id = ANY(${traceRowIds}::int[]) AND target_type = 'TRACE' AND name <> 'note'
    GROUP BY trace_row_id, name, label
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
    else summary.labels.push({ name: row.name!, label: row.label, count: row.count, meanScore: row.meanScore });
  }
  for (const summary of summaries.values()) summary.labels.sort((a, b) => a.name.localeCompare(b.name) || b.count - a.count);
  return summaries;
}
