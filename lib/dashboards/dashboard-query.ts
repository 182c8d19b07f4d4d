import { DEFAULT_SESSION_RUBRIC, type DashboardFilters } from "./dashboard-filters";

type QueryKey = keyof DashboardFilters;

/** A date as the filter form writes it: `YYYY-MM-DD` at UTC midnight, else the full ISO time. */
export function dateParam(date: Date | undefined): string | undefined {
  if (!date) return undefined;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** The filters as URL params (defaults left out), with `change` applied: links, chooser forms and data URLs. */
export function dashboardParams(filters: DashboardFilters, change: Partial<Record<QueryKey, string | undefined>> = {}): [QueryKey, string][] {
  const values: Record<QueryKey, string | undefined> = {
    from: dateParam(filters.from),
    to: dateParam(filters.to),
    reviewer: filters.reviewer,
    kind: filters.kind,
    session: filters.session === DEFAULT_SESSION_RUBRIC ? undefined : filters.session,
    rubric: filters.rubric,
    bucket: filters.bucket === "day" ? undefined : filters.bucket,
    ...change,
  };
  return (Object.entries(values) as [QueryKey, string | undefined][]).filter((e): e is [QueryKey, string] => Boolean(e[1]));
}

export function dashboardQuery(filters: DashboardFilters, change: Partial<Record<QueryKey, string | undefined>> = {}): string {
  return new URLSearchParams(dashboardParams(filters, change)).toString();
}

/** A data URL's query for one part of a section: the filters, then `part` and `format`. */
export function dataQuery(filters: DashboardFilters, part?: string, format?: "csv"): string {
  const params = new URLSearchParams(dashboardParams(filters));
  if (part) params.set("part", part);
  if (format) params.set("format", format);
  return params.toString();
}
