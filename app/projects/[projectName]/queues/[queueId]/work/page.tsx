import type { Metadata } from "next";
import { WorkItemScreen } from "@/components/queues/work-item-screen";
import { WorkScreenClient } from "@/components/queues/work-screen-client";
import { WorkStart } from "@/components/queues/work-start";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { workItem } from "@/lib/queues/claims";
import type { WorkItem } from "@/lib/queues/queue-types";
import { workBarData, workTraceView } from "@/lib/queues/work-screen";
import type { RawSearchParams } from "@/lib/search-params";
import { loadQueueFromParams } from "../load-queue";

export const metadata: Metadata = { title: "Work a queue" };

const one = (raw: RawSearchParams, key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);
const rowId = (text: string | undefined) => (text && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null);

// Review mode bound to a queue. Opening it claims nothing: without `?item=` it
// shows the instructions, what is left and Start (a POST that claims); with
// `?item=<id>` the item I hold, or one I finished to change my answers.
export default async function QueueWorkPage({ params, searchParams }: { params: Promise<{ projectName: string; queueId: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  const [routeParams, raw] = await Promise.all([params, searchParams]);
  const { project, queue } = await loadQueueFromParams(actor, routeParams);
  if (!can(actor, "annotate")) {
    const notice = `Your role (${actor.role.toLowerCase()}) may read this queue but not work it.`;
    return <WorkStart project={project.name} queue={queue} standing={{ remaining: 0, heldByOthers: 0, mine: null }} finished={[]} notice={notice} canWork={false} />;
  }
  const itemId = rowId(one(raw, "item"));
  let notice: string | null = null;
  const item: WorkItem | null = itemId
    ? await workItem(actor, project, queue.id, itemId).catch((error) => {
        if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
        notice = "This item is not yours: another reviewer holds it, your claim expired, or it is no longer in this queue. Start to get your next one.";
        return null;
      })
    : null;
  const { standing, finished } = await workBarData(actor, project, queue);
  const common = { project: project.name, queue, standing, finished };
  if (!item) return <WorkStart {...common} notice={notice} canWork />;
  const now = Date.now();
  const span = one(raw, "span");
  if (queue.targetKind === "SESSION") return <WorkItemScreen {...common} actor={actor} projectRef={project} item={item} span={span} tab={raw.tab} now={now} />;
  // Trace and span queues are drawn in the browser from TanStack Query's cache, the next item fetched ahead (work-screen-client.tsx).
  const view = await workTraceView(actor, project, queue.targetKind, item.targetId, span);
  const initial = { item, standing, finished, view, now };
  return <WorkScreenClient project={project.name} queue={queue} initial={initial} initialRef={{ item: String(item.itemId), span }} />;
}
