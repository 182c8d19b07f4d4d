"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { queueInputSchema } from "@/lib/queues/queue-schemas";
import { updateQueue } from "@/lib/queues/queues";
import { paths } from "@/lib/url";
import { projectNameSchema, projectRef, queueIdSchema, revalidateQueues } from "./queue-action-input";

const envelopeSchema = z.object({ projectName: projectNameSchema, queueId: queueIdSchema, queue: z.unknown() });

/** Saves a queue's settings (a removed reviewer's claims are released by the domain), then shows the queue. */
export async function updateQueueAction(input: unknown): Promise<ActionState> {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) return invalidInput(envelope.error);
  const queue = queueInputSchema.safeParse(envelope.data.queue);
  if (!queue.success) return invalidInput(queue.error);
  const { projectName, queueId } = envelope.data;
  try {
    await updateQueue(await currentActor(), await projectRef(projectName), queueId, queue.data);
  } catch (error) {
    return failure(error);
  }
  revalidateQueues();
  redirect(paths.queue(projectName, queueId));
}
