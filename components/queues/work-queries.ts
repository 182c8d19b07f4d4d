import { queryOptions } from "@tanstack/react-query";
import type { WorkItem } from "@/lib/queues/queue-types";
import type { FinishedWorkItem, QueueStanding, WorkTraceView } from "@/lib/queues/work-screen";
import { parseWithDates } from "@/lib/review/review-json";

// The work screen's entries in TanStack Query's cache (work-screen-client.tsx).

/** Everything a trace or span queue's item shows: the bar and the trace. `now`: when it was read, to tell an expired claim. */
export type WorkScreen = { item: WorkItem; standing: QueueStanding; finished: FinishedWorkItem[]; view: WorkTraceView | null; now: number };

/** The forecast of the next claim (app/api/queues/…/work-next). */
export type WorkForecast = { itemId: number; targetId: number; view: WorkTraceView | null } | null;

export const workScreenKey = (project: string, queueId: number, item: string, span: string | undefined) => ["queue-work", project, queueId, item, span ?? null] as const;

async function fetchForecast(project: string, queueId: number, after: number): Promise<WorkForecast> {
  const response = await fetch(`/api/queues/${encodeURIComponent(project)}/${queueId}/work-next?after=${after}`, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`work-next: ${response.status}`);
  return parseWithDates<WorkForecast>(await response.text());
}

// Fetched once per item held: the claim on Enter tells whether it came true.
export const workNextQuery = (project: string, queueId: number, after: number) =>
  queryOptions({ queryKey: ["queue-work-next", project, queueId, after] as const, queryFn: () => fetchForecast(project, queueId, after), staleTime: 30_000, retry: false });
