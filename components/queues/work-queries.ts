import { queryOptions } from "@tanstack/react-query";
import type { WorkItem } from "@/lib/queues/queue-types";
import type { FinishedWorkItem, QueueStanding, WorkAhead, WorkTraceView } from "@/lib/queues/work-screen";
import { parseWithDates } from "@/lib/review/review-json";

// The work screen's entries in TanStack Query's cache (work-screen-client.tsx).

/**
 * Everything a trace or span queue's item shows: the bar and the trace. `now`:
 * when it was read, to tell an expired claim. `pending`: drawn from the claim
 * held ahead, the submit that hands it out not confirmed yet.
 */
export type WorkScreen = { item: WorkItem; standing: QueueStanding; finished: FinishedWorkItem[]; view: WorkTraceView | null; now: number; pending?: boolean };

export type { WorkAhead };

export const workScreenKey = (project: string, queueId: number, item: string, span: string | undefined) => ["queue-work", project, queueId, item, span ?? null] as const;

async function claimAhead(project: string, queueId: number, after: number): Promise<WorkAhead> {
  const response = await fetch(`/api/queues/${encodeURIComponent(project)}/${queueId}/work-next?after=${after}`, { method: "POST", cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`work-next: ${response.status}`);
  return parseWithDates<WorkAhead>(await response.text());
}

// The item claimed ahead while `after` is worked (app/api/queues/…/work-next):
// asked once per item held (asking again answers the same claim), so it is
// never stale by time; Enter draws it when its claim is still fresh.
export const workAheadQuery = (project: string, queueId: number, after: number) =>
  queryOptions({ queryKey: ["queue-work-ahead", project, queueId, after] as const, queryFn: () => claimAhead(project, queueId, after), staleTime: Infinity, gcTime: 30 * 60_000, retry: 1 });

/** An item's view read again (app/api/queues/…/work-item), after a label is saved on it. */
export async function fetchWorkItemView(project: string, queueId: number, itemId: number, span: string | undefined): Promise<WorkTraceView | null> {
  const response = await fetch(`/api/queues/${encodeURIComponent(project)}/${queueId}/work-item?item=${itemId}${span ? `&span=${encodeURIComponent(span)}` : ""}`, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`work-item: ${response.status}`);
  return parseWithDates<WorkTraceView | null>(await response.text());
}
