"use server";

import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { removeItems } from "@/lib/queues/queue-items";
import { itemIdsSchema, itemsNoun, projectNameSchema, projectRef, queueIdSchema, revalidateQueues } from "./queue-action-input";

const inputSchema = z.object({ projectName: projectNameSchema, queueId: queueIdSchema, itemIds: itemIdsSchema });

/** Removes items from a queue (their reviews go with them; the annotations stay on the targets). */
export async function removeQueueItemsAction(input: unknown): Promise<ActionState> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { projectName, queueId, itemIds } = parsed.data;
    await removeItems(await currentActor(), await projectRef(projectName), queueId, itemIds);
    revalidateQueues();
    return { status: "success", message: `Removed ${itemsNoun(new Set(itemIds).size)}.` };
  } catch (error) {
    return failure(error);
  }
}
