import { agreementDashboard } from "@/lib/agreement/agreement-dashboard";
import type { Actor } from "@/lib/auth/permissions";
import type { ProjectRef } from "@/lib/projects/projects";
import { coverageDashboard } from "./coverage";
import type { DashboardFilters } from "./dashboard-filters";
import { dashboardSections, type DashboardSection } from "./dashboard-types";
import { progressDashboard } from "./reviewer-progress";
import { rubricDashboard } from "./rubric-analytics";
import { satisfactionDashboard } from "./satisfaction";
import type { SectionData } from "./section-table";

type Loader<S extends DashboardSection> = (actor: Actor | null, project: ProjectRef, filters: DashboardFilters) => Promise<SectionData[S]>;

const loaders: { [S in DashboardSection]: Loader<S> } = {
  satisfaction: satisfactionDashboard,
  rubric: rubricDashboard,
  coverage: coverageDashboard,
  progress: progressDashboard,
  agreement: agreementDashboard,
};

export function isDashboardSection(value: string): value is DashboardSection {
  return (dashboardSections as readonly string[]).includes(value);
}

/** One section of the dashboards, as the page draws it and the data route serves it. Each loader authorizes and applies blind review. */
export function loadDashboardSection<S extends DashboardSection>(
  section: S,
  actor: Actor | null,
  project: ProjectRef,
  filters: DashboardFilters,
): Promise<SectionData[S]> {
  return loaders[section](actor, project, filters);
}
