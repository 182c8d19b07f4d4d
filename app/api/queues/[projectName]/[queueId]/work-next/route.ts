import { z } from "zod";
import { errorResponse } from "@/lib/api/handler";
import { currentActor } from "@/lib/auth/current-actor";
import { authorize } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { findProjectByName } from "@/lib/projects/projects";
import { loadQueueForWorker } from "@/lib/queues/queue-store";
import { peekNextItem } from "@/lib/queues/work-screen";
import { stringifyWithDates } from "@/lib/review/review-json";

const params = z.object({ projectName: z.string().min(1), queueId: z.coerce.number().int().positive().max(2_147_483_647) });
const query = z.object({ after: z.coerce.number().int().positive().max(2_147_483_647) });

// GET ?after=<item I hold>: the item the next claim will probably hand me once
// I submit that one, with its trace and review panel (blind review applied),
// or null. Read-only, a forecast the work screen fetches ahead of time; the
// claim itself happens on submit. Signed-in browser session only: 401 without
// it, 403 for a role or reviewer who may not work this queue, 404 for an
// unknown project or queue (or bad params).
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
    const next = await peekNextItem(actor, project, queue, search.data.after);
    return new Response(stringifyWithDates(next), { headers: { "content-type": "application/json", "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
