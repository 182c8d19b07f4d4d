import Link from "next/link";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { dataQuery } from "@/lib/dashboards/dashboard-query";
import type { SatisfactionDashboard } from "@/lib/dashboards/dashboard-types";
import { labelsOf, sectionTable, type SectionPart } from "@/lib/dashboards/section-table";
import { formatNumber, truncate } from "@/lib/format";
import { paths } from "@/lib/url";
import { ChartCard, NoData } from "./chart-card";
import { DistributionChart } from "./distribution-chart";
import { TrendChart } from "./trend-chart";

type Part = SectionPart<"satisfaction">;

export function SatisfactionFigures({ project, data, filters }: { project: string; data: SatisfactionDashboard; filters: DashboardFilters }) {
  const links = (part: Part) => ({
    csv: paths.dashboardData(project, "satisfaction", dataQuery(filters, part, "csv")),
    json: paths.dashboardData(project, "satisfaction", dataQuery(filters)),
  });
  const table = (part: Part) => sectionTable("satisfaction", data, part);
  const rubric = data.rubric;
  if (!rubric) {
    return <NoData>This project has no session rubric named {filters.session}. Create one in Settings to rate sessions.</NoData>;
  }
  const labels = labelsOf(rubric, [...data.overTime.map((p) => p.labels), Object.fromEntries(data.distribution.map((b) => [b.key, b.count]))]);
  const bucketName = filters.bucket === "week" ? "Week" : "Day";
  return (
    <div className="grid gap-3 lg:grid-cols-3">
      <ChartCard
        className="lg:col-span-3"
        title={`${rubric.name} over time`}
        description={rubric.type === "CONTINUOUS" ? "Mean per " + bucketName.toLowerCase() + " with its 95% interval, people and LLM judges apart." : "Share of each label per " + bucketName.toLowerCase() + ", people and LLM judges apart."}
        table={table("trend")}
        links={links("trend")}
      >
        {data.overTime.length ? <TrendChart rubric={rubric} points={data.overTime} labels={labels} bucketName={bucketName} /> : <NoData>No ratings in this range.</NoData>}
      </ChartCard>
      <ChartCard className="lg:col-span-2" title={`${rubric.name} distribution`} description="Share of each kind's values; counts in the tooltip and the table." table={table("distribution")} links={links("distribution")}>
        {data.distribution.length ? <DistributionChart rubric={rubric} bars={data.distribution} labels={labels} /> : <NoData>No ratings in this range.</NoData>}
      </ChartCard>
      <ChartCard title="Sessions rated" description={`Of ${formatNumber(data.sessions)} sessions in range.`} table={table("rated")} links={links("rated")}>
        <RatedShares data={data} />
      </ChartCard>
      <ChartCard className="lg:col-span-3" title="Lowest-rated sessions" description="Open a session to read the conversation." table={table("lowest")} links={links("lowest")}>
        <LowestSessions project={project} data={data} />
      </ChartCard>
    </div>
  );
}

function RatedShares({ data }: { data: SatisfactionDashboard }) {
  const rows = [
    { name: "By people", rated: data.ratedByHuman, color: "var(--chart-human)" },
    { name: "By an LLM judge", rated: data.ratedByLlm, color: "var(--chart-llm)" },
  ];
  return (
    <dl className="space-y-3 pt-1">
      {rows.map((row) => {
        const share = data.sessions ? row.rated / data.sessions : 0;
        return (
          <div key={row.name}>
            <dt className="flex justify-between text-xs text-zinc-600">
              <span>{row.name}</span>
              <span className="font-mono">
                {formatNumber(row.rated)} · {Math.round(share * 100)}%
              </span>
            </dt>
            <dd className="mt-1 h-2 overflow-hidden rounded bg-zinc-100">
              <div className="h-full rounded" style={{ width: `${share * 100}%`, background: row.color }} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function LowestSessions({ project, data }: { project: string; data: SatisfactionDashboard }) {
  if (!data.lowest.length) return <NoData>No rated sessions in this range.</NoData>;
  return (
    <ol className="divide-y divide-zinc-100 text-sm" data-testid="lowest-sessions">
      {data.lowest.map((s) => (
        <li key={s.sessionId} className="flex items-baseline gap-3 py-1.5">
          <span className="w-24 shrink-0 font-mono text-xs text-zinc-700">
            {s.meanScore !== null ? s.meanScore.toFixed(2) : (s.label ?? "—")}
          </span>
          <Link href={paths.session(project, s.sessionId)} className="min-w-0 flex-1 truncate text-indigo-700 hover:underline">
            {truncate(s.firstInput, 120) || s.sessionId}
          </Link>
          <span className="shrink-0 text-xs text-zinc-500">
            {s.ratings} {s.ratings === 1 ? "rating" : "ratings"} · {s.startTime.slice(0, 10)}
          </span>
        </li>
      ))}
    </ol>
  );
}
