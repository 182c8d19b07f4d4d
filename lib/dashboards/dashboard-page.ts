import { can, type Actor } from "@/lib/auth/permissions";
import { listReviewerChoices } from "@/lib/auth/reviewer-choices";
import { DomainError } from "@/lib/errors";
import type { ProjectRef } from "@/lib/projects/projects";
import type { DashboardFilters } from "./dashboard-filters";
import { dashboardSections, type DashboardSection } from "./dashboard-types";
import { loadDashboardSection } from "./sections";
import type { SectionData } from "./section-table";

/** A section's data, or why it could not be drawn (a domain error: the page shows the message in its place). */
export type SectionResult<S extends DashboardSection> = { ok: true; data: SectionData[S] } | { ok: false; message: string };
export type DashboardPageData = { sections: { [S in DashboardSection]: SectionResult<S> }; reviewers: { id: string; name: string }[] };

async function settle<S extends DashboardSection>(section: S, actor: Actor, project: ProjectRef, filters: DashboardFilters): Promise<SectionResult<S>> {
  try {
    return { ok: true, data: await loadDashboardSection(section, actor, project, filters) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * Everything the dashboards page draws. The reviewer filter lists the people a
 * lead manages; anyone else can narrow to their own annotations only.
 */
export async function loadDashboardPage(actor: Actor, project: ProjectRef, filters: DashboardFilters): Promise<DashboardPageData> {
  const reviewers = can(actor, "manage-queues")
    ? listReviewerChoices(actor).then((users) => users.map((u) => ({ id: u.id, name: u.name || u.email })))
    : Promise.resolve(actor.userId ? [{ id: actor.userId, name: `${actor.name} (me)` }] : []);
  const loaded = await Promise.all(dashboardSections.map((section) => settle(section, actor, project, filters)));
  const sections = Object.fromEntries(dashboardSections.map((section, i) => [section, loaded[i]])) as DashboardPageData["sections"];
  return { sections, reviewers: await reviewers };
}
