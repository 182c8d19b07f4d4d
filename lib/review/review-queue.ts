import { prisma } from "@/lib/db";
import type { AnnotationReader } from "@/lib/review/blind-review";
import type { RawSearchParams } from "@/lib/search-params";
import { listTraceIds } from "@/lib/traces/list-traces";
import type { TraceFilters } from "@/lib/traces/trace-filters";

export const REVIEW_LIST_MAX = 1000;
const positionKeys = new Set(["cursor", "limit", "trace", "i", "span", "tab"]);

/** The list's filters as a query string, without paging or position. */
export function reviewQuery(raw: RawSearchParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first && !positionKeys.has(key)) params.set(key, first);
  }
  return params.toString();
}

export type ReviewPosition = {
  total: number;
  capped: boolean;
  index: number;
  current: { id: number; traceId: string } | null;
  previous: string | null;
  next: string | null;
  doneByMe: number;
};

/**
 * Where the reviewer is in a filtered list. The URL names the current trace and
 * its index: when the trace has left the list (e.g. "not reviewed by me" after
 * reviewing it), the trace that slid into its index is current.
 */
export async function reviewPosition(
  projectId: number,
  filters: TraceFilters,
  reader: AnnotationReader,
  at: { traceId?: string; index?: number },
): Promise<ReviewPosition> {
  const viewerId = reader.userId;
  const list = await listTraceIds(projectId, filters, reader, REVIEW_LIST_MAX + 1);
  const capped = list.length > REVIEW_LIST_MAX;
  if (capped) list.pop();
  let index = at.traceId ? list.findIndex((t) => t.traceId === at.traceId) : -1;
  if (index === -1) index = Math.min(Math.max(at.index ?? 0, 0), Math.max(list.length - 1, 0));
  const doneByMe = viewerId && list.length
    ? (await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(DISTINCT trace_row_id)::int AS n FROM annotations
        WHERE trace_row_id = ANY(${list.map((t) => t.id)}::int[]) AND user_id = ${viewerId}::uuid AND name <> 'note'`)[0].n
    : 0;
  return {
    total: list.length,
    capped,
    index,
    current: list[index] ?? null,
    previous: list[index - 1]?.traceId ?? null,
    next: list[index + 1]?.traceId ?? null,
    doneByMe,
  };
}
