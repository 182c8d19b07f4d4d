"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { queueInputSchema, queueSourceSchema } from "@/lib/queues/queue-schemas";
import { createQueue } from "@/lib/queues/queues";
import { paths } from "@/lib/url";
import { projectNameSchema, projectRef, revalidateQueues } from "./queue-action-input";

const envelopeSchema = z.object({ projectName: projectNameSchema, queue: z.unknown(), source: queueSourceSchema });

/** Creates a queue filled from a list filter, selected rows or a rule, then opens it. */
export async function createQueueAction(input: unknown): Promise<ActionState> {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) return invalidInput(envelope.error);
  // Parsed on its own so that field errors name the form's fields (name, rubricIds, …).
  const queue = queueInputSchema.safeParse(envelope.data.queue);
  if (!queue.success) return invalidInput(queue.error);
  const { projectName, source } = envelope.data;
  let created: { id: number };
  try {
    created = await createQueue(await currentActor(), await projectRef(projectName), queue.data, source);
  } catch (error) {
    return failure(error);
  }
  revalidateQueues();
  redirect(paths.queue(projectName, created.id));
}
