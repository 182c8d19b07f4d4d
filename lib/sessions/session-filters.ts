import { z } from "zod";
import { cursorParam } from "@/lib/pagination/keyset";
import { oneParam, parseLenient } from "@/lib/search-params";
import { timeRanges } from "@/lib/traces/trace-filters";

export const sessionSorts = ["time", "turns", "satisfaction"] as const;

// The sessions list's state, parsed from the URL (the list, its count and
// "Review these sessions" read the same parse).
export const sessionFiltersSchema = z.object({
  // Words in any turn's input or output, or a session id or user id exactly.
  q: oneParam(z.string().trim().max(200)),
  range: oneParam(z.enum(Object.keys(timeRanges) as [keyof typeof timeRanges])),
  from: oneParam(z.coerce.date()),
  // A bare date (the form's date field) means the whole of that day.
  to: oneParam(z.preprocess((v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59.999Z` : v), z.coerce.date())),
  turnsMin: oneParam(z.coerce.number().int().min(0)),
  turnsMax: oneParam(z.coerce.number().int().min(0)),
  // The session rubric shown as "satisfaction" (default: user_satisfaction, else the first one).
  rubric: oneParam(z.string().trim().max(200)),
  rated: oneParam(z.enum(["rated", "unrated"])),
  label: oneParam(z.string().trim().max(1000)),
  // On the mean of the ratings the reader may see.
  scoreMin: oneParam(z.coerce.number().finite()),
  scoreMax: oneParam(z.coerce.number().finite()),
  sort: oneParam(z.enum(sessionSorts)).transform((v) => v ?? "time"),
  dir: oneParam(z.enum(["asc", "desc"])).transform((v) => v ?? "desc"),
  cursor: oneParam(cursorParam),
  limit: oneParam(z.coerce.number().int().min(1).max(200)).transform((v) => v ?? 50),
});

export type SessionFilters = z.output<typeof sessionFiltersSchema>;

// Invalid params fall back to defaults on pages: a stale link still shows a list.
export function parseSessionFilters(raw: Record<string, unknown>): SessionFilters {
  return parseLenient(sessionFiltersSchema, raw);
}
