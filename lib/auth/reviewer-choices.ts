import { prisma } from "@/lib/db";
import { authorize, type Actor } from "./permissions";

export type ReviewerChoice = { id: string; name: string; email: string };

/**
 * The people a lead may allow on a queue or assign items to: active users who
 * may annotate (reviewers, leads, admins). Only someone who manages queues
 * needs the list, so only they may read it.
 */
export async function listReviewerChoices(actor: Actor | null): Promise<ReviewerChoice[]> {
  authorize(actor, "manage-queues");
  return prisma.user.findMany({
    where: { deactivatedAt: null, role: { in: ["REVIEWER", "LEAD", "ADMIN"] } },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
}
