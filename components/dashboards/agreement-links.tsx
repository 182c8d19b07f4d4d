import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { dataQuery } from "@/lib/dashboards/dashboard-query";
import { sectionParts } from "@/lib/dashboards/section-table";
import { paths } from "@/lib/url";

// The agreement panel's tables as CSV (its JSON link is in the panel).
export function AgreementCsvLinks({ project, filters }: { project: string; filters: DashboardFilters }) {
  return (
    <p className="mt-1 flex gap-3 px-1 text-xs text-zinc-500">
      CSV:
      {sectionParts.agreement.map((part) => (
        <a key={part} href={paths.dashboardData(project, "agreement", dataQuery(filters, part, "csv"))} className="text-indigo-700 underline hover:text-indigo-900" aria-label={`Agreement ${part}: CSV`}>
          {part}
        </a>
      ))}
    </p>
  );
}
