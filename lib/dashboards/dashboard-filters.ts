import { z } from "zod";
import { oneParam, parseLenient } from "@/lib/search-params";

export const DEFAULT_SESSION_RUBRIC = "user_satisfaction";
export const annotatorKinds = ["HUMAN", "LLM", "CODE"] as const;
export const timeBuckets = ["day", "week"] as const;

/**
 * The dashboards' state, in the URL (pages) and the query string of their JSON/CSV
 * routes: the same schema parses both, so a chart's numbers and its data URL agree.
 *
 * - `from`/`to`: the target's time (a session's or trace's start, a span's start),
 *   `to` exclusive. Both optional: no bound means all time.
 * - `reviewer`: one user's annotations (user id). `kind`: one annotator kind.
 * - `session`: the session rubric of the satisfaction section; `rubric`: the rubric
 *   of the per-rubric and agreement sections (defaults: the first applicable one).
 * - `bucket`: day or week for every over-time series.
 */
export const dashboardFiltersSchema = z.object({
  from: oneParam(z.coerce.date()),
  to: oneParam(z.coerce.date()),
  reviewer: oneParam(z.uuid()),
  kind: oneParam(z.enum(annotatorKinds)),
  session: oneParam(z.string().trim().min(1).max(200)).transform((v) => v ?? DEFAULT_SESSION_RUBRIC),
  rubric: oneParam(z.string().trim().min(1).max(200)),
  bucket: oneParam(z.enum(timeBuckets)).transform((v) => v ?? "day"),
});

export type DashboardFilters = z.output<typeof dashboardFiltersSchema>;

/** Pages: a stale or hand-edited link still shows the dashboards (bad params dropped). */
export function parseDashboardFilters(raw: Record<string, unknown>): DashboardFilters {
  return parseLenient(dashboardFiltersSchema, raw);
}
