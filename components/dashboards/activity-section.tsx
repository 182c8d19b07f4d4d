import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { dataQuery } from "@/lib/dashboards/dashboard-query";
import type { CoverageDashboard, ProgressDashboard } from "@/lib/dashboards/dashboard-types";
import { sectionTable } from "@/lib/dashboards/section-table";
import { paths } from "@/lib/url";
import { ChartCard, NoData } from "./chart-card";
import { CoverageChart } from "./coverage-chart";
import { ProgressChart } from "./progress-chart";

const links = (project: string, section: "coverage" | "progress", filters: DashboardFilters) => ({
  csv: paths.dashboardData(project, section, dataQuery(filters, section, "csv")),
  json: paths.dashboardData(project, section, dataQuery(filters)),
});

export function CoverageFigure({ project, data, filters }: { project: string; data: CoverageDashboard; filters: DashboardFilters }) {
  return (
    <ChartCard title="Coverage" description="Share of traces, spans and sessions with at least one human annotation (notes aside)." table={sectionTable("coverage", data, "coverage")} links={links(project, "coverage", filters)}>
      {data.rows.some((r) => r.total > 0) ? <CoverageChart rows={data.rows} /> : <NoData>Nothing in this range.</NoData>}
    </ChartCard>
  );
}

export function ProgressFigure({ project, data, filters }: { project: string; data: ProgressDashboard; filters: DashboardFilters }) {
  const bucketName = filters.bucket === "week" ? "Week" : "Day";
  return (
    <ChartCard title="Reviewer progress" description={`Annotations each reviewer wrote per ${bucketName.toLowerCase()}.`} table={sectionTable("progress", data, "progress")} links={links(project, "progress", filters)}>
      {data.rows.length ? <ProgressChart rows={data.rows} bucketName={bucketName} /> : <NoData>No annotations written in this range.</NoData>}
    </ChartCard>
  );
}
