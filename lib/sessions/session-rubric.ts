import { reviewRubricsForProject } from "@/lib/review/project-rubrics";
import { appliesTo, type ReviewRubric } from "@/lib/review/rubric-values";

export const DEFAULT_SESSION_RUBRIC = "user_satisfaction";

/** The project's session rubrics, for the sessions list's choice of "satisfaction". */
export async function sessionRubrics(projectId: number): Promise<ReviewRubric[]> {
  return (await reviewRubricsForProject(projectId)).filter((rubric) => appliesTo(rubric, "SESSION"));
}

/** The rubric the sessions list shows: the one asked for, else user_satisfaction, else the first session rubric. */
export async function sessionRubricFor(projectId: number, requested: string | undefined): Promise<ReviewRubric | null> {
  return pickSessionRubric(await sessionRubrics(projectId), requested);
}

export function pickSessionRubric(rubrics: ReviewRubric[], requested: string | undefined): ReviewRubric | null {
  return (
    rubrics.find((r) => r.name === requested) ?? rubrics.find((r) => r.name === DEFAULT_SESSION_RUBRIC) ?? rubrics[0] ?? null
  );
}
