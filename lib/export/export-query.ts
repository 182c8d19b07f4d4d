import { z } from "zod";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { oneParam } from "@/lib/search-params";
import { traceFiltersSchema, type TraceFilters } from "@/lib/traces/trace-filters";

export const exportFormats = ["csv", "jsonl"] as const;
export const exportForms = ["long", "wide"] as const;
export const MAX_EXPORT_RUBRICS = 100;

// Repeated keys (`rubric=a&rubric=b`) arrive as an array; one key as a string.
const rubricList = z.preprocess(
  (value) => {
    const list = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v) => v !== "");
    return list.length ? list : undefined;
  },
  z.array(z.string().trim().min(1).max(200)).max(MAX_EXPORT_RUBRICS, `must list at most ${MAX_EXPORT_RUBRICS} rubrics`).optional(),
);

/**
 * An export's query string: the traces list's filters (which traces, and so which
 * annotations: on those traces, their spans and documents, and their sessions) plus
 *
 * - `rubric`: one or more annotation names (repeat the key); `note` selects notes.
 *   No rubric: every annotation and note. One rubric with `label` or `scoreMin`/`scoreMax`
 *   also filters the traces as on the traces list (by that rubric's value).
 * - `from`/`to`: the target's time, as on the traces list and the dashboards (the trace's
 *   start; a session's traces' start); `range` (1h…30d) as on the traces list.
 * - `annotatedFrom`/`annotatedTo`: when the annotation was last written (updated_at).
 * - `queue`: a review queue's id: only annotations on that queue's items.
 * - `format`: csv (default) or jsonl; `form`: long (default, one row per annotation)
 *   or wide (one row per target, one column per rubric and annotator, plus the final value).
 *
 * The list's paging and sorting (cursor, limit, sort, dir) mean nothing here and are ignored.
 */
export const exportQuerySchema = traceFiltersSchema
  .omit({ rubric: true, sort: true, dir: true, cursor: true, limit: true })
  .extend({
    rubric: rubricList,
    annotatedFrom: oneParam(z.coerce.date()),
    annotatedTo: oneParam(z.coerce.date()),
    queue: oneParam(z.coerce.number().int().positive().max(2_147_483_647)),
    format: oneParam(z.enum(exportFormats)).transform((v) => v ?? "csv"),
    form: oneParam(z.enum(exportForms)).transform((v) => v ?? "long"),
  })
  .superRefine((query, ctx) => {
    const valueFilter = query.label !== undefined || query.scoreMin !== undefined || query.scoreMax !== undefined;
    if (valueFilter && query.rubric?.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["rubric"], message: "must name exactly one rubric with label, scoreMin or scoreMax" });
    }
  });

export type ExportQuery = z.output<typeof exportQuerySchema>;

/** The search params of a request as the schema reads them: repeated `rubric` keys kept as a list. */
export function exportQueryObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) out[key] = key === "rubric" ? params.getAll(key) : params.get(key);
  return out;
}

/** The traces list's filters an export applies (its one rubric, if any, for the label/score filter). */
export function traceFiltersOf(query: ExportQuery): TraceFilters {
  const { rubric, annotatedFrom: _a, annotatedTo: _b, queue: _q, format: _f, form: _w, ...filters } = query;
  return { ...filters, rubric: rubric?.length === 1 ? rubric[0] : undefined, sort: "time", dir: "desc", cursor: undefined, limit: 50 };
}

/** Whether any traces-list filter is set (else every annotation of the project qualifies). */
export function hasTraceFilters(query: ExportQuery): boolean {
  const f = traceFiltersOf(query);
  return Boolean(
    f.range || f.from || f.to || f.status || f.kind || f.q || f.label !== undefined || f.scoreMin !== undefined ||
      f.scoreMax !== undefined || f.notes || f.reviewed || f.missing || f.theme,
  );
}

/**
 * An export query string for the dashboards' filters: their date range and rubric
 * (the dashboards' `kind` is an annotator kind, not the traces list's span kind, so it stays behind).
 */
export function dashboardExportQuery(filters: Pick<DashboardFilters, "from" | "to" | "rubric">): string {
  const params = new URLSearchParams();
  if (filters.from) params.set("from", filters.from.toISOString());
  if (filters.to) params.set("to", filters.to.toISOString());
  if (filters.rubric) params.set("rubric", filters.rubric);
  return params.toString();
}
