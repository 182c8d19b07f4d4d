import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ProjectRef } from "@/lib/projects/projects";
import { parseGlobalId, toGlobalId } from "./global-id";

export type { ProjectRef };

// Phoenix exposes project ids as Relay GlobalIDs, base64("Project:<row id>"), and its clients
// pass back whatever `/v1/projects` returned, or a project name. We do the same, so `{project}`
// in a path is resolved like Phoenix does: a GlobalID of type Project first, else a name.
// A bare number that names no project is also accepted as a row id (handy with curl).
export const projectGlobalId = (id: number): string => toGlobalId("Project", id);

/** The row id inside a Project GlobalID, or null when `value` is not one. */
export const parseProjectGlobalId = (value: string): number | null => parseGlobalId(value, "Project");

const select = { id: true, name: true, description: true, blindReview: true } as const;

/** `value` as Next.js hands route params over: already percent-decoded (no second decode). */
export async function resolveProjectParam(value: string): Promise<ProjectRef> {
  const globalId = parseProjectGlobalId(value);
  if (globalId !== null) {
    const byId = await prisma.project.findUnique({ where: { id: globalId }, select });
    if (byId) return byId;
  }
  const byName = await prisma.project.findUnique({ where: { name: value }, select });
  if (byName) return byName;
  if (/^\d{1,9}$/.test(value)) {
    const byRowId = await prisma.project.findUnique({ where: { id: Number(value) }, select });
    if (byRowId) return byRowId;
  }
  throw new NotFoundError(`Project ${value} does not exist.`);
}
