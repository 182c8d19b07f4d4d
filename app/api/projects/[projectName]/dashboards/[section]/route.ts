import { projectReadRoute } from "@/lib/api/read-route";
import { authorize } from "@/lib/auth/permissions";
import { parseDashboardDataQuery, sectionCsvResponse } from "@/lib/dashboards/dashboard-data";
import { isDashboardSection, loadDashboardSection } from "@/lib/dashboards/sections";
import { NotFoundError } from "@/lib/errors";

// GET: one dashboard section's numbers as JSON (the section object), or as CSV
// with `format=csv` (`part=` for one chart's table). Session cookie or API key.
export const GET = projectReadRoute<{ projectName: string; section: string }>(async (actor, project, request, params) => {
  authorize(actor, "read");
  const section = decodeURIComponent(params.section);
  if (!isDashboardSection(section)) throw new NotFoundError(`There is no dashboard section ${section}.`);
  const query = parseDashboardDataQuery(section, new URL(request.url).searchParams);
  const data = await loadDashboardSection(section, actor, project, query.filters);
  if (query.format === "csv") return sectionCsvResponse(project.name, section, data, query.part);
  return Response.json(data);
});
