import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { parseWith } from "@/lib/api/handler";
import { UnprocessableError } from "@/lib/errors";
import { oneParam } from "@/lib/search-params";
import { dashboardFiltersSchema, type DashboardFilters } from "./dashboard-filters";
import type { DashboardSection } from "./dashboard-types";
import { isSectionPart, sectionParts, sectionTable, type SectionData, type SectionPart } from "./section-table";

/**
 * The query string of a section's data URL (paths.dashboardData): the dashboards'
 * filters, plus `format` (json, the default, or csv) and `part` (one chart's
 * table; see sectionParts). Scripts read it, so it is strict: an unknown
 * parameter or a bad value is a 422 naming it, never silently ignored.
 */
const dataQuerySchema = dashboardFiltersSchema.extend({
  format: oneParam(z.enum(["json", "csv"])).transform((v) => v ?? "json"),
  part: oneParam(z.string()),
});

export type DashboardDataQuery<S extends DashboardSection> = {
  filters: DashboardFilters;
  format: "json" | "csv";
  part: SectionPart<S> | undefined;
};

export function parseDashboardDataQuery<S extends DashboardSection>(section: S, params: URLSearchParams): DashboardDataQuery<S> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    if (!(key in dataQuerySchema.shape)) {
      throw new UnprocessableError(`Invalid request: ${key} is not a parameter of this route`, { [key]: ["Unknown parameter"] });
    }
    const values = params.getAll(key);
    raw[key] = values.length === 1 ? values[0] : values;
  }
  const { format, part, ...filters } = parseWith(dataQuerySchema, raw);
  if (part !== undefined && !isSectionPart(section, part)) {
    const message = `must be one of ${sectionParts[section].join(", ")}`;
    throw new UnprocessableError(`Invalid request: part ${message}`, { part: [message] });
  }
  return { filters, format, part: part as SectionPart<S> | undefined };
}

/** The section (or one part of it) as a CSV file named after the project, section and part. */
export function sectionCsvResponse<S extends DashboardSection>(project: string, section: S, data: SectionData[S], part?: SectionPart<S>): Response {
  const { columns, rows } = sectionTable(section, data, part);
  const body = stringify([columns, ...rows]);
  const name = [project, section, part].filter(Boolean).join("-").replace(/[^A-Za-z0-9._-]+/g, "_");
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
  });
}
