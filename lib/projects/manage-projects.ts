import { z } from "zod";
import { setHistoryActor } from "@/lib/annotations/history-actor";
import { parseProjectGlobalId } from "@/lib/api/project-param";
import { storableText } from "@/lib/api/storable-text";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_PROJECT } from "@/lib/otlp/to-ingest-spans";

// Projects made, described and deleted by leads and admins (Phoenix's
// POST/PUT/DELETE /v1/projects). Ingest still creates projects on first sight.

// A project name is also a path segment (`/v1/projects/{name}`, `/projects/{name}/…`)
// and Phoenix resolves `{project}` as a GlobalID first, then a name: a name with
// / ? # could not be addressed, and one that reads as a Project GlobalID or a
// row id would be shadowed by another project. 200 is what ingest accepts.
const PROJECT_NAME_MAX = 200;
const DESCRIPTION_MAX = 10_000;

export const projectNameSchema = z
  .string()
  .min(1)
  .max(PROJECT_NAME_MAX)
  .check(storableText)
  .refine((name) => name.trim() === name, "must not start or end with spaces")
  .refine((name) => !/[/?#]/.test(name), "must not contain /, ? or # (the name is used in URLs)")
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "must not contain control characters")
  .refine((name) => !/^\d+$/.test(name) && parseProjectGlobalId(name) === null, "must not look like a project id");

const descriptionSchema = z.string().max(DESCRIPTION_MAX).check(storableText).nullish();

export const createProjectSchema = z.object({ name: projectNameSchema, description: descriptionSchema });
// Phoenix: "Project names cannot be changed." The project's own name may come back
// (a client sending the object it read); another name is refused, not ignored.
export const updateProjectSchema = z.object({ description: descriptionSchema, name: z.string().optional() });

export type ManagedProject = { id: number; name: string; description: string | null };
const select = { id: true, name: true, description: true } as const;

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createProject(actor: Actor | null, input: z.input<typeof createProjectSchema>): Promise<ManagedProject> {
  authorize(actor, "manage-projects");
  const data = createProjectSchema.parse(input);
  try {
    return await prisma.project.create({ data: { name: data.name, description: data.description ?? null }, select });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UnprocessableError(`Project ${data.name} already exists.`, { name: ["is already taken by another project"] });
    }
    throw error;
  }
}

/** Only the description changes; an absent description leaves it, null clears it. */
export async function updateProject(
  actor: Actor | null,
  project: { id: number; name: string },
  input: z.input<typeof updateProjectSchema>,
): Promise<ManagedProject> {
  authorize(actor, "manage-projects");
  const data = updateProjectSchema.parse(input);
  if (data.name !== undefined && data.name !== project.name) {
    throw new UnprocessableError("Invalid request: name cannot be changed (project names are permanent).", {
      name: ["cannot be changed"],
    });
  }
  const rows = data.description === undefined
    ? await prisma.project.findMany({ where: { id: project.id }, select })
    : await prisma.project.updateManyAndReturn({ where: { id: project.id }, data: { description: data.description }, select });
  if (rows.length === 0) throw new NotFoundError(`Project ${project.name} does not exist.`);
  return rows[0];
}

// One transaction, so a failed delete leaves the project whole. Its time grows with the
// project (measured: 6,000 spans and 8,000 annotations in 1.5 s, the history trigger
// included), hence a timeout far above the default 5 s.
const DELETE_TIMEOUT_MS = 10 * 60_000;
// Serializes project deletes: two deletes of the last two projects must not both pass the check.
const DELETE_LOCK = 781_404_221;

/**
 * Deletes the project and, by cascade, its traces, spans, sessions,
 * annotations and notes (each kept in annotation_history by the trigger,
 * attributed to the actor), queues, themes and rubric attachments.
 * The last remaining project and the default one (where traces without a
 * project name go, as in Phoenix) are refused.
 */
export async function deleteProject(actor: Actor | null, projectId: number): Promise<void> {
  authorize(actor, "manage-projects");
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(${DELETE_LOCK})) l`;
    // After the lock: a fresh snapshot sees any delete that committed while we waited.
    const project = await tx.project.findUnique({ where: { id: projectId }, select });
    if (!project) throw new NotFoundError(`Project ${projectId} does not exist.`);
    const others = await tx.project.count({ where: { id: { not: projectId } } });
    if (project.name === DEFAULT_PROJECT) {
      throw new UnprocessableError(
        `The default project cannot be deleted: traces sent without a project name go to it.`,
        { project: ["is the default project"] },
      );
    }
    if (others === 0) {
      throw new UnprocessableError(
        `Project ${project.name} is the only project and cannot be deleted: create another project first.`,
        { project: ["is the last remaining project"] },
      );
    }
    await setHistoryActor(tx, actor);
    await tx.$executeRaw`DELETE FROM projects WHERE id = ${projectId}`;
  }, { timeout: DELETE_TIMEOUT_MS });
}
