"use server";

import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { getProjectByName } from "@/lib/projects/projects";
import { completeAndClaimNext } from "@/lib/queues/claims";
import { getQueue } from "@/lib/queues/queues";
import type { WorkItem } from "@/lib/queues/queue-types";
import { workAhead, workBarData, type FinishedWorkItem, type QueueStanding, type WorkAhead } from "@/lib/queues/work-screen";

const itemRef = z.object({ project: z.string().min(1), queueId: z.number().int().positive(), itemId: z.number().int().positive() });

// `ahead`: the item claimed ahead of `next`, with its view (claimAhead), so Enter on `next` draws it at once.
export type Advanced = { next: WorkItem | null; standing: QueueStanding; finished: FinishedWorkItem[]; ahead: WorkAhead };

/**
 * Enter on a trace or span queue's item: completes the reviewer's review (the
 * claims domain checks every queue rubric is given) and claims the next, and
 * answers with data instead of a page, so the work screen draws the next item
 * from what it fetched ahead of time (components/queues/work-screen-client.tsx),
 * and claims the one after ahead (with its view), ready for the next Enter.
 * No revalidatePath: it would re-render the page being left; the queue page's
 * progress is polled.
 */
export async function submitAndClaimNextAction(input: unknown): Promise<ActionState<Advanced>> {
  const parsed = itemRef.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { queueId, itemId } = parsed.data;
  try {
    const actor = await currentActor();
    const project = await getProjectByName(parsed.data.project);
    const next = await completeAndClaimNext(actor, project, queueId, itemId);
    const queue = await getQueue(actor, project, queueId);
    const [bar, ahead] = await Promise.all([workBarData(actor!, project, queue), next ? workAhead(actor, project, queue, next.itemId) : null]);
    return { status: "success", data: { next, ...bar, ahead } };
  } catch (error) {
    return failure(error);
  }
}
