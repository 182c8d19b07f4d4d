"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { getProjectByName } from "@/lib/projects/projects";
import { claimNext, completeAndClaimNext, releaseItem, skipItem } from "@/lib/queues/claims";
import type { WorkItem } from "@/lib/queues/queue-types";
import { paths } from "@/lib/url";

// The work screen's actions (review mode bound to a queue): thin, the claims
// domain (lib/queues/claims.ts) authorizes and enforces. Each ends on the
// screen of what comes next: the next claimed item, or the queue's start screen.

const queueRef = z.object({ project: z.string().min(1), queueId: z.coerce.number().int().positive() });
const itemRef = queueRef.extend({ itemId: z.coerce.number().int().positive() });
const skipInput = itemRef.extend({ reason: z.string().trim().min(1, { error: "Say why you skip it" }).max(2000) });

const nothingToClaim: ActionState = {
  status: "error",
  message: "Nothing to claim right now: what is left is held by other reviewers. It comes back when they release or skip it, or their claim expires.",
};

type Parsed<T> = { ok: true; data: T } | { ok: false; state: ActionState };
const parse = <T,>(schema: z.ZodType<T>, form: FormData): Parsed<T> => {
  const parsed = schema.safeParse(Object.fromEntries(form));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, state: invalidInput(parsed.error) };
};

// Where the reviewer goes after an action: the next item, else the start screen (which says what is left).
const next = (project: string, queueId: number, item: WorkItem | null) => paths.queueWork(project, queueId, item?.itemId);

/** Start: claims the next item (or gives back the one the reviewer holds). */
export async function startQueueWorkAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = parse(queueRef, form);
  if (!input.ok) return input.state;
  const { queueId } = input.data;
  let item: WorkItem | null;
  let project: string;
  try {
    const ref = await getProjectByName(input.data.project);
    project = ref.name;
    item = await claimNext(await currentActor(), ref, queueId);
  } catch (error) {
    return failure(error);
  }
  if (!item) return nothingToClaim;
  redirect(next(project, queueId, item));
}

/** Enter on a queue item: completes the reviewer's review (every queue rubric given, checked again here) and claims the next. */
export async function completeQueueItemAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = parse(itemRef, form);
  if (!input.ok) return input.state;
  const { queueId, itemId } = input.data;
  let item: WorkItem | null;
  let project: string;
  try {
    const ref = await getProjectByName(input.data.project);
    project = ref.name;
    item = await completeAndClaimNext(await currentActor(), ref, queueId, itemId);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(paths.queue(project, queueId));
  redirect(next(project, queueId, item));
}

/** Skip with a reason: the item goes back for others; the reviewer gets the next one. */
export async function skipQueueItemAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = parse(skipInput, form);
  if (!input.ok) return input.state;
  const { queueId, itemId, reason } = input.data;
  let item: WorkItem | null;
  let project: string;
  try {
    const ref = await getProjectByName(input.data.project);
    const actor = await currentActor();
    project = ref.name;
    await skipItem(actor, ref, queueId, itemId, reason);
    item = await claimNext(actor, ref, queueId);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(paths.queue(project, queueId));
  redirect(next(project, queueId, item));
}

/** Release: the item goes back to the queue and the reviewer stops (to the start screen). */
export async function releaseQueueItemAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = parse(itemRef, form);
  if (!input.ok) return input.state;
  const { queueId, itemId } = input.data;
  let project: string;
  try {
    const ref = await getProjectByName(input.data.project);
    project = ref.name;
    await releaseItem(await currentActor(), ref, queueId, itemId);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(paths.queue(project, queueId));
  redirect(paths.queueWork(project, queueId));
}
