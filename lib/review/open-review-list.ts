import { authorize, type Actor } from "@/lib/auth/permissions";
import type { RawSearchParams } from "@/lib/search-params";
import { annotationReader } from "@/lib/review/blind-review";
import { listSessionIds } from "@/lib/sessions/list-sessions";
import { sessionRubricFor } from "@/lib/sessions/session-rubric";
import { parseSessionFilters } from "@/lib/sessions/session-filters";
import { listTraceIds } from "@/lib/traces/list-traces";
import { parseTraceFilters } from "@/lib/traces/trace-filters";
import { createReviewList, type ReviewList } from "./review-lists";
import { REVIEW_LIST_MAX, reviewQuery } from "./review-queue";

type Project = { id: number; blindReview: boolean };

/** Freezes the traces list these URL params describe, as the reader sees it. Null when nothing matches. */
export async function openTraceReviewList(actor: Actor | null, project: Project, raw: RawSearchParams): Promise<ReviewList | null> {
  authorize(actor, "read");
  const rows = await listTraceIds(project.id, parseTraceFilters(raw), annotationReader(actor, project), REVIEW_LIST_MAX + 1);
  if (rows.length === 0) return null;
  return createReviewList(actor, project, { kind: "TRACE", ids: rows.map((row) => row.id), query: reviewQuery(raw) });
}

/** Freezes the sessions list these URL params describe, as the reader sees it. Null when nothing matches. */
export async function openSessionReviewList(actor: Actor | null, project: Project, raw: RawSearchParams): Promise<ReviewList | null> {
  authorize(actor, "read");
  const filters = parseSessionFilters(raw);
  const rubric = await sessionRubricFor(project.id, filters.rubric);
  const ids = await listSessionIds(project.id, filters, { rubric, reader: annotationReader(actor, project) }, REVIEW_LIST_MAX + 1);
  if (ids.length === 0) return null;
  return createReviewList(actor, project, { kind: "SESSION", ids, query: reviewQuery(raw) });
}
