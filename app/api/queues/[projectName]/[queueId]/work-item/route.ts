import { z } from "zod";
import { errorResponse } from "@/lib/api/handler";
import { currentActor } from "@/lib/auth/current-actor";
import { authorize } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { findProjectByName } from "@/lib/projects/projects";
import { loadQueueForWorker } from "@/lib/queues/queue-store";
import { workItemView } from "@/lib/queues/work-screen";
import { stringifyWithDates } from "@/lib/review/review-json";

const params = z.object({ projectName: z.string().min(1), queueId: z.coerce.number().int().positive().max(2_147_483_647) });
const query = z.object({ item: z.coerce.number().int().positive().max(2_147_483_647), span: z.string().min(1).max(64).optional() });

// GET ?item=<id>[&span=<span id>]: the trace and review panel of a queue item I
// hold or finished (blind review applied), read-only. The work screen reads it
// again after a label is saved, as review mode refetches its item: the
// annotations list, and others' values under blind review, now shown.
// Signed-in browser session only: 401 without it, 403 for a role or reviewer
// who may not work this queue or an item not mine, 404 for an unknown project,
// queue or item (or bad params).
export async function GET(request: Request, context: { params: Promise<{ projectName: string; queueId: string }> }): Promise<Response> {
  try {
    const actor = await currentActor();
    authorize(actor, "annotate");
    const parsed = params.safeParse(await context.params);
    const search = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success || !search.success) throw new NotFoundError("No such queue item.");
    const project = await findProjectByName(decodeURIComponent(parsed.data.projectName));
    if (!project) throw new NotFoundError(`Project ${parsed.data.projectName} does not exist.`);
    const { queue } = await loadQueueForWorker(actor, project, parsed.data.queueId);
    const view = await workItemView(actor, project, queue, search.data.item, search.data.span);
    return new Response(stringifyWithDates(view), { headers: { "content-type": "application/json", "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
