import { z } from "zod";
import { cursorParam } from "@/lib/pagination/keyset";
import { oneParam, spanKinds, statusCodes, parseLenient } from "@/lib/search-params";

export const traceSorts = ["time", "latency", "tokens"] as const;
export const timeRanges = { "1h": 3_600_000, "24h": 86_400_000, "7d": 604_800_000, "30d": 2_592_000_000 } as const;

// The traces list's state, parsed from the URL (and later the REST list endpoint).
export const traceFiltersSchema = z.object({
  range: oneParam(z.enum(Object.keys(timeRanges) as [keyof typeof timeRanges])),
  from: oneParam(z.coerce.date()),
  to: oneParam(z.coerce.date()),
  status: oneParam(z.enum(statusCodes)),
  kind: oneParam(z.enum(spanKinds)),
  q: oneParam(z.string().trim().max(200)),
  // Review state: a trace-level label or score range of one rubric, notes, who reviewed.
  rubric: oneParam(z.string().trim().max(200)),
  label: oneParam(z.string().trim().max(1000)),
  scoreMin: oneParam(z.coerce.number().finite()),
  scoreMax: oneParam(z.coerce.number().finite()),
  notes: oneParam(z.enum(["with", "without"])),
  reviewed: oneParam(z.enum(["me", "not-me", "nobody"])),
  // Not yet reviewed for one rubric: no trace-level value of it (an adjudicated one aside).
  missing: oneParam(z.string().trim().max(200)),
  // A theme's traces: a note tagged with it is on the trace, one of its spans, or its session.
  theme: oneParam(z.coerce.number().int().positive().max(2_147_483_647)),
  sort: oneParam(z.enum(traceSorts)).transform((v) => v ?? "time"),
  dir: oneParam(z.enum(["asc", "desc"])).transform((v) => v ?? "desc"),
  cursor: oneParam(cursorParam),
  limit: oneParam(z.coerce.number().int().min(1).max(200)).transform((v) => v ?? 50),
});

export type TraceFilters = z.output<typeof traceFiltersSchema>;

// Invalid params fall back to defaults on pages: a stale link still shows a list.
export function parseTraceFilters(raw: Record<string, unknown>): TraceFilters {
  return parseLenient(traceFiltersSchema, raw);
}

export function timeWindow(filters: Pick<TraceFilters, "range" | "from" | "to">, now = Date.now()) {
  const from = filters.range ? new Date(now - timeRanges[filters.range]) : filters.from;
  return { from, to: filters.range ? undefined : filters.to };
}
