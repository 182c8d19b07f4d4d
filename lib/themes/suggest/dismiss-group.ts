import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/themes/theme-schemas";
import { assertNotesOfProject } from "@/lib/themes/theme-store";
import { groupNoteIdsSchema } from "./suggest-schemas";

/**
 * The lead dismisses a suggested group: its notes are remembered, and later
 * suggestions leave out any group made mostly (half or more) of them.
 */
export async function dismissGroup(actor: Actor | null, projectId: number, noteIds: number[]): Promise<{ id: number }> {
  authorize(actor, "manage-themes");
  const input = parseInput(groupNoteIdsSchema, { noteIds });
  return prisma.$transaction(async (tx) => {
    const project = await tx.project.findUnique({ where: { id: projectId }, select: { id: true } });
    if (!project) throw new NotFoundError(`Project ${projectId} does not exist.`);
    const ids = await assertNotesOfProject(tx, projectId, input.noteIds);
    return tx.dismissedNoteGroup.create({
      data: { projectId, noteIds: ids.sort((a, b) => a - b), dismissedById: actor.userId },
      select: { id: true },
    });
  });
}
