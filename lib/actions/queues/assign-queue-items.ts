"use server";

import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { assignItems } from "@/lib/queues/queue-items";
import { itemIdsSchema, itemsNoun, projectNameSchema, projectRef, queueIdSchema, revalidateQueues } from "./queue-action-input";

const inputSchema = z.object({
  projectName: projectNameSchema,
  queueId: queueIdSchema,
  itemIds: itemIdsSchema,
  // null: unassign (anyone allowed on the queue may claim them again).
  userId: z.uuid().nullable(),
});

/** Reserves items for one reviewer, or releases the reservation. */
export async function assignQueueItemsAction(input: unknown): Promise<ActionState> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { projectName, queueId, itemIds, userId } = parsed.data;
    await assignItems(await currentActor(), await projectRef(projectName), queueId, itemIds, userId);
    revalidateQueues();
    const n = itemsNoun(new Set(itemIds).size);
    return { status: "success", message: userId ? `Assigned ${n}.` : `Unassigned ${n}.` };
  } catch (error) {
    return failure(error);
  }
}
