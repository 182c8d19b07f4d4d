import type { QueueTargetKind } from "./queue-types";

// The new-queue page's URL: `from=traces|spans|sessions` names the list, and
// either `ids=1,2,3` (selected rows) or the rest of the query (that list's
// filters) says what to put in the queue. The traces list has a date filter
// named `from` too; a link keeps both (`from=traces&from=2026-…`), so every
// `from` that is not a list name stays with the filters.
export const queueLists = ["traces", "spans", "sessions"] as const;
export type QueueList = (typeof queueLists)[number];

export const targetKindOfList: Record<QueueList, QueueTargetKind> = { traces: "TRACE", spans: "SPAN", sessions: "SESSION" };
export const listOfTargetKind: Record<QueueTargetKind, QueueList> = { TRACE: "traces", SPAN: "spans", SESSION: "sessions" };

export type NewQueueParams = { list: QueueList; ids: number[] | null; query: string };

// Paging and position are not filters.
const dropped = new Set(["ids", "cursor", "limit"]);
const MAX_IDS = 1000;

export function parseNewQueueParams(raw: Record<string, string | string[] | undefined>): NewQueueParams {
  let list: QueueList | null = null;
  const filters = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      if (key === "from" && list === null && (queueLists as readonly string[]).includes(one)) list = one as QueueList;
      else if (!dropped.has(key) && one !== "") filters.append(key, one);
    }
  }
  return { list: list ?? "traces", ids: parseIds(raw.ids), query: filters.toString() };
}

function parseIds(value: string | string[] | undefined): number[] | null {
  const text = Array.isArray(value) ? value.join(",") : value;
  if (!text) return null;
  const ids = [...new Set(text.split(",").map((part) => Number(part.trim())))].filter((id) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647);
  return ids.length ? ids.slice(0, MAX_IDS) : null;
}

/** The query string a list page links to the new-queue page with (its filters, or the rows selected on it). */
export function newQueueQuery(list: QueueList, filters: string, ids?: number[]): string {
  const params = new URLSearchParams([["from", list]]);
  if (ids?.length) params.set("ids", ids.join(","));
  else for (const [key, value] of new URLSearchParams(filters)) if (!dropped.has(key)) params.append(key, value);
  return params.toString();
}
