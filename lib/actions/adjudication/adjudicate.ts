"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { adjudicate, adjudicationProject, type Adjudication } from "@/lib/adjudication/adjudicate";
import { adjudicateInputSchema } from "@/lib/adjudication/adjudication-schemas";
import { currentActor } from "@/lib/auth/current-actor";
import { authorize } from "@/lib/auth/permissions";

const inputSchema = adjudicateInputSchema.extend({ projectId: z.coerce.number().int().positive() });

/** Records a lead's final value for a (target, rubric) with a reason. */
export async function adjudicateAction(input: unknown): Promise<ActionState<Adjudication>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await currentActor();
    // Before the project lookup, so a reviewer learns nothing about project ids.
    authorize(actor, "adjudicate");
    const { projectId, ...adjudication } = parsed.data;
    const result = await adjudicate(actor, await adjudicationProject(projectId), adjudication);
    revalidatePath("/projects/[projectName]", "layout");
    const value = result.label ?? String(result.score);
    return { status: "success", message: `Final ${adjudication.rubric}: ${value}.`, data: result };
  } catch (error) {
    return failure(error);
  }
}
