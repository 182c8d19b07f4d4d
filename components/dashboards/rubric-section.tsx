import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { dataQuery } from "@/lib/dashboards/dashboard-query";
import type { RubricDashboard } from "@/lib/dashboards/dashboard-types";
import { labelsOf, sectionTable, type SectionPart } from "@/lib/dashboards/section-table";
import { paths } from "@/lib/url";
import { BreakdownChart } from "./breakdown-chart";
import { ChartCard, NoData } from "./chart-card";
import { DistributionChart } from "./distribution-chart";
import { TrendChart } from "./trend-chart";

type Part = SectionPart<"rubric">;

export function RubricFigures({ project, data, filters }: { project: string; data: RubricDashboard; filters: DashboardFilters }) {
  const rubric = data.rubric;
  if (!rubric) return <NoData>This project has no rubrics yet.</NoData>;
  const links = (part: Part) => ({
    csv: paths.dashboardData(project, "rubric", dataQuery(filters, part, "csv")),
    json: paths.dashboardData(project, "rubric", dataQuery(filters)),
  });
  const table = (part: Part) => sectionTable("rubric", data, part);
  const labels = labelsOf(rubric, [
    ...data.overTime.map((p) => p.labels),
    ...data.bySpanKind.map((r) => r.labels),
    Object.fromEntries(data.distribution.map((b) => [b.key, b.count])),
  ]);
  const bucketName = filters.bucket === "week" ? "Week" : "Day";
  const none = <NoData>No values of {rubric.name} in this range.</NoData>;
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <ChartCard title={rubric.type === "CATEGORICAL" ? `${rubric.name}: label counts` : `${rubric.name}: score histogram`} table={table("distribution")} links={links("distribution")}>
        {data.distribution.length ? <DistributionChart rubric={rubric} bars={data.distribution} labels={labels} /> : none}
      </ChartCard>
      <ChartCard title={`${rubric.name} over time`} table={table("trend")} links={links("trend")}>
        {data.overTime.length ? <TrendChart rubric={rubric} points={data.overTime} labels={labels} bucketName={bucketName} /> : none}
      </ChartCard>
      <ChartCard title={`${rubric.name} by span kind`} description="The annotated span's kind (a trace or session: its root span's)." table={table("span-kind")} links={links("span-kind")}>
        {data.bySpanKind.length ? <BreakdownChart rubric={rubric} rows={data.bySpanKind} labels={labels} keyName="Span kind" /> : none}
      </ChartCard>
      <ChartCard title={`${rubric.name} by root span name`} description="The twelve most annotated; the table has them all." table={table("root-span")} links={links("root-span")}>
        {data.byRootSpanName.length ? <BreakdownChart rubric={rubric} rows={data.byRootSpanName} labels={labels} keyName="Root span name" /> : none}
      </ChartCard>
    </div>
  );
}
