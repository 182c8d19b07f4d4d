import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";

/** Blind review: reviewers see others' values only after submitting their own (leads set it). */
export async function setBlindReview(actor: Actor | null, projectId: number, blindReview: boolean): Promise<void> {
  authorize(actor, "manage-rubrics");
  await prisma.project.update({ where: { id: projectId }, data: { blindReview } });
}
