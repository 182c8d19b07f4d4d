import { describe, expect, it } from "vitest";
import { parseDashboardFilters } from "./dashboard-filters";
import { dashboardQuery, dataQuery } from "./dashboard-query";

describe("dashboard query strings", () => {
  it("round-trip through the filters schema, defaults left out", () => {
    const raw = { from: "2026-11-01", to: "2026-11-20T12:30:00.000Z", kind: "LLM", session: "resolution", rubric: "correctness", bucket: "week" };
    const filters = parseDashboardFilters(raw);
    const query = dashboardQuery(filters);
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual(raw);
    expect(parseDashboardFilters(Object.fromEntries(new URLSearchParams(query)))).toEqual(filters);
    expect(dashboardQuery(parseDashboardFilters({ bucket: "day", session: "user_satisfaction" }))).toBe("");
  });

  it("changes one filter and adds a data URL's part and format", () => {
    const filters = parseDashboardFilters({ rubric: "correctness", bucket: "week" });
    expect(dashboardQuery(filters, { rubric: "helpfulness" })).toBe("rubric=helpfulness&bucket=week");
    expect(dataQuery(filters, "trend", "csv")).toBe("rubric=correctness&bucket=week&part=trend&format=csv");
  });
});
