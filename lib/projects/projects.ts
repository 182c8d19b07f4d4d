import { cache } from "react";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type ProjectSummary = {
  id: number;
  name: string;
  description: string | null;
  traceCount: number;
  spanCount: number;
  sessionCount: number;
  annotationCount: number;
  lastTraceAt: Date | null;
};

// Counts come from grouped scans of the project indexes, one query for all projects.
export async function listProjects(): Promise<ProjectSummary[]> {
  return prisma.$queryRaw<ProjectSummary[]>`
    SELECT p.id, p.name, p.description,
      coalesce(t.n, 0)::int AS "traceCount", coalesce(sp.n, 0)::int AS "spanCount",
      coalesce(se.n, 0)::int AS "sessionCount", coalesce(a.n, 0)::int AS "annotationCount",
      t.last_at AS "lastTraceAt"
    FROM projects p
    LEFT JOIN (SELECT project_id, count(*) AS n, max(start_time) AS last_at FROM traces GROUP BY project_id) t ON t.project_id = p.id
    LEFT JOIN (SELECT project_id, count(*) AS n FROM spans GROUP BY project_id) sp ON sp.project_id = p.id
    LEFT JOIN (SELECT project_id, count(*) AS n FROM sessions GROUP BY project_id) se ON se.project_id = p.id
    LEFT JOIN (SELECT project_id, count(*) AS n FROM annotations WHERE name <> 'note' GROUP BY project_id) a ON a.project_id = p.id
    ORDER BY t.last_at DESC NULLS LAST, p.name`;
}

export type ProjectRef = { id: number; name: string; description: string | null; blindReview: boolean };

// Once per page render (React's request cache): the project layout and the page
// under it both look the project up by name. Outside a render it is a plain call.
export const findProjectByName = cache(async (name: string): Promise<ProjectRef | null> => {
  return prisma.project.findUnique({
    where: { name },
    select: { id: true, name: true, description: true, blindReview: true },
  });
});

export async function getProjectByName(name: string): Promise<ProjectRef> {
  const project = await findProjectByName(name);
  if (!project) throw new NotFoundError(`Project ${name} does not exist.`);
  return project;
}
