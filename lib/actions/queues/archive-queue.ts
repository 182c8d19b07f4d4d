"use server";

import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { archiveQueue } from "@/lib/queues/queues";
import { projectNameSchema, projectRef, queueIdSchema, revalidateQueues } from "./queue-action-input";

const inputSchema = z.object({ projectName: projectNameSchema, queueId: queueIdSchema, archived: z.boolean() });

/** Archives a queue (nobody can claim from it; it leaves reviewers' homes) or brings it back. */
export async function archiveQueueAction(input: unknown): Promise<ActionState> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { projectName, queueId, archived } = parsed.data;
    await archiveQueue(await currentActor(), await projectRef(projectName), queueId, archived);
    revalidateQueues();
    return { status: "success", message: archived ? "Archived the queue." : "Restored the queue." };
  } catch (error) {
    return failure(error);
  }
}
