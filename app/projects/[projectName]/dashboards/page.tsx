import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CoverageFigure, ProgressFigure } from "@/components/dashboards/activity-section";
import { AgreementPanel } from "@/components/dashboards/agreement-panel";
import { AgreementCsvLinks } from "@/components/dashboards/agreement-links";
import { DashboardFiltersForm } from "@/components/dashboards/dashboard-filters-form";
import { RubricChooser } from "@/components/dashboards/rubric-chooser";
import { RubricFigures } from "@/components/dashboards/rubric-section";
import { SatisfactionFigures } from "@/components/dashboards/satisfaction-section";
import { SectionFrame, SectionProblem } from "@/components/dashboards/section-frame";
import { ExportMenu } from "@/components/export/export-menu";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { loadDashboardPage } from "@/lib/dashboards/dashboard-page";
import { dataQuery } from "@/lib/dashboards/dashboard-query";
import { dashboardExportQuery } from "@/lib/export/export-query";
import { findProjectByName } from "@/lib/projects/projects";
import type { RawSearchParams } from "@/lib/search-params";
import { flatParams, paths } from "@/lib/url";

export const metadata: Metadata = { title: "Dashboards" };

// Session satisfaction, per-rubric analytics, coverage, reviewer progress and
// agreement for one project. The filters live in the URL; every figure's
// numbers are also served as JSON and CSV (paths.dashboardData).
export default async function DashboardsPage({ params, searchParams }: { params: Promise<{ projectName: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  const [{ projectName }, raw] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const filters = parseDashboardFilters(flatParams(raw));
  const { sections, reviewers } = await loadDashboardPage(actor, project, filters);
  const { satisfaction, rubric, coverage, progress, agreement } = sections;
  const chosenRubric = rubric.ok ? (rubric.data.rubric?.name ?? filters.rubric) : filters.rubric;

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-4">
      <PageHeader title="Dashboards" description="How satisfied users are, where the failures are, and whether reviewers agree.">
        <ExportMenu project={project.name} query={dashboardExportQuery(filters)} />
      </PageHeader>
      <DashboardFiltersForm project={project.name} filters={filters} reviewers={reviewers} />

      <SectionFrame
        id="satisfaction"
        title="Session satisfaction"
        chooser={
          satisfaction.ok ? (
            <RubricChooser name="session" label="Session rubric" value={satisfaction.data.rubric?.name ?? filters.session} choices={satisfaction.data.choices} filters={filters} />
          ) : null
        }
      >
        {satisfaction.ok ? <SatisfactionFigures project={project.name} data={satisfaction.data} filters={filters} /> : <SectionProblem message={satisfaction.message} />}
      </SectionFrame>

      <SectionFrame
        id="rubric"
        title="Per rubric"
        description="The chosen rubric's values on traces, spans and sessions; agreement below uses the same rubric."
        chooser={rubric.ok ? <RubricChooser name="rubric" label="Rubric" value={chosenRubric} choices={rubric.data.choices} filters={filters} /> : null}
      >
        {rubric.ok ? <RubricFigures project={project.name} data={rubric.data} filters={filters} /> : <SectionProblem message={rubric.message} />}
      </SectionFrame>

      {agreement.ok ? (
        <div>
          <AgreementPanel project={project.name} data={agreement.data} query={dataQuery(filters)} />
          <AgreementCsvLinks project={project.name} filters={filters} />
        </div>
      ) : (
        <SectionFrame id="agreement" title="Reviewer agreement">
          <SectionProblem message={agreement.message} />
        </SectionFrame>
      )}

      <SectionFrame id="activity" title="Coverage and progress">
        <div className="grid gap-3 lg:grid-cols-2">
          {coverage.ok ? <CoverageFigure project={project.name} data={coverage.data} filters={filters} /> : <SectionProblem message={coverage.message} />}
          {progress.ok ? <ProgressFigure project={project.name} data={progress.data} filters={filters} /> : <SectionProblem message={progress.message} />}
        </div>
      </SectionFrame>

      <p className="text-xs text-zinc-500">
        Every figure&apos;s numbers are at{" "}
        <code className="font-mono">{paths.dashboardData(project.name, "SECTION").replace("SECTION", "<section>")}</code> as JSON, or CSV with <code className="font-mono">format=csv</code>{" "}
        (signed in, or with an API key).
      </p>
    </div>
  );
}
