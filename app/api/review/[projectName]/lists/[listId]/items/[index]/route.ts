import { z } from "zod";
import { errorResponse } from "@/lib/api/handler";
import { currentActor } from "@/lib/auth/current-actor";
import { authorize } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { findProjectByName } from "@/lib/projects/projects";
import { loadTraceReviewItem } from "@/lib/review/review-item";
import { stringifyWithDates } from "@/lib/review/review-json";

const params = z.object({
  projectName: z.string().min(1),
  listId: z.uuid(),
  index: z.coerce.number().int().min(0).max(1_000_000),
});
const query = z.object({ span: z.string().regex(/^[0-9a-f]{1,64}$/i).optional() });

// GET: one position of a trace review list as review mode shows it (trace,
// spans, the review panel of the selected span with blind review applied),
// for the browser's cache: review mode prefetches the neighbours so Enter/j/k
// show them at once. The signed-in browser session only (401 without it);
// an unknown project, list (or another project's list) or bad params: 404.
export async function GET(request: Request, context: { params: Promise<{ projectName: string; listId: string; index: string }> }): Promise<Response> {
  try {
    // Who asks comes first: without a session nothing, not even whether a project exists, is told.
    const actor = await currentActor();
    authorize(actor, "read");
    const parsed = params.safeParse(await context.params);
    const search = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success || !search.success) throw new NotFoundError("No such review item.");
    const project = await findProjectByName(decodeURIComponent(parsed.data.projectName));
    if (!project) throw new NotFoundError(`Project ${parsed.data.projectName} does not exist.`);
    const item = await loadTraceReviewItem(actor, project, parsed.data.listId, parsed.data.index, search.data.span);
    return new Response(stringifyWithDates(item), { headers: { "content-type": "application/json", "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
