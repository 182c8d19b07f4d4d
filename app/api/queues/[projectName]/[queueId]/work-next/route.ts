import { z } from "zod";
import { errorResponse } from "@/lib/api/handler";
import { currentActor } from "@/lib/auth/current-actor";
import { authorize } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { findProjectByName } from "@/lib/projects/projects";
import { loadQueueForWorker } from "@/lib/queues/queue-store";
import { workAhead } from "@/lib/queues/work-screen";
import { stringifyWithDates } from "@/lib/review/review-json";
import { isForeignOrigin } from "@/lib/same-origin-action";

const params = z.object({ projectName: z.string().min(1), queueId: z.coerce.number().int().positive().max(2_147_483_647) });
const query = z.object({ after: z.coerce.number().int().positive().max(2_147_483_647) });

// POST ?after=<item I hold>: claims my next item ahead of time (claimAhead in
// lib/queues/claims.ts: a real claim, at most one ahead, the same one again if
// asked again) and answers it with its trace and review panel (blind review
// applied), or null when nothing else is open for me or I no longer hold
// `after`. The work screen asks for it while I review an item and draws it the
// moment I submit. A POST, and a route rather than a server action: Next runs
// a page's server actions one at a time, and this must not hold up a label's
// save. Signed-in browser session from this site only: 403 from another
// origin, 401 without a session, 403 for a role or reviewer who may not work
// this queue (or an archived queue), 404 for an unknown project or queue (or bad params).
export async function POST(request: Request, context: { params: Promise<{ projectName: string; queueId: string }> }): Promise<Response> {
  try {
    if (isForeignOrigin(request.headers)) throw new ForbiddenError("This may only be called from this site's own pages.");
    const actor = await currentActor();
    authorize(actor, "annotate");
    const parsed = params.safeParse(await context.params);
    const search = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success || !search.success) throw new NotFoundError("No such queue item.");
    const project = await findProjectByName(decodeURIComponent(parsed.data.projectName));
    if (!project) throw new NotFoundError(`Project ${parsed.data.projectName} does not exist.`);
    const { queue } = await loadQueueForWorker(actor, project, parsed.data.queueId);
    const ahead = await workAhead(actor, project, queue, search.data.after);
    return new Response(stringifyWithDates(ahead), { headers: { "content-type": "application/json", "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
