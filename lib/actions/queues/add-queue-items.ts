"use server";

import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { addItems } from "@/lib/queues/queue-items";
import { queueSourceSchema } from "@/lib/queues/queue-schemas";
import { itemsNoun, projectNameSchema, projectRef, queueIdSchema, revalidateQueues } from "./queue-action-input";

const inputSchema = z.object({ projectName: projectNameSchema, queueId: queueIdSchema, source: queueSourceSchema });

/** Adds targets (ids or a list filter) to a queue; targets already in it are left as they are. */
export async function addQueueItemsAction(input: unknown): Promise<ActionState<{ added: number; already: number }>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { projectName, queueId, source } = parsed.data;
    const result = await addItems(await currentActor(), await projectRef(projectName), queueId, source);
    revalidateQueues();
    const already = result.already ? ` (${itemsNoun(result.already)} already in the queue)` : "";
    return { status: "success", message: `Added ${itemsNoun(result.added)}${already}.`, data: result };
  } catch (error) {
    return failure(error);
  }
}
