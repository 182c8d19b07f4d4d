import { z } from "zod";
import { cursorParam } from "@/lib/pagination/keyset";
import { oneParam, spanKinds, parseLenient } from "@/lib/search-params";
import { timeRanges } from "@/lib/traces/trace-filters";

export const noteTargetKinds = ["SPAN", "TRACE", "SESSION"] as const;

// The notes page's state, parsed from the URL: search, filters and cursor.
// The page, its count, "Suggest groups" over the filtered notes and multi-select
// tagging all read this one parse.
export const noteFiltersSchema = z.object({
  // websearch_to_tsquery syntax: words, "quoted phrases", or, -not.
  q: oneParam(z.string().trim().max(200)),
  // Author: a user id.
  reviewer: oneParam(z.uuid()),
  target: oneParam(z.enum(noteTargetKinds)),
  // Kind of the span a span note is on.
  spanKind: oneParam(z.enum(spanKinds)),
  range: oneParam(z.enum(Object.keys(timeRanges) as [keyof typeof timeRanges])),
  from: oneParam(z.coerce.date()),
  // A bare date (the form's date field) means the whole of that day.
  to: oneParam(z.preprocess((v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59.999Z` : v), z.coerce.date())),
  theme: oneParam(z.coerce.number().int().positive()),
  untagged: oneParam(z.enum(["1"])).transform((v) => v === "1"),
  // A rubric label some reviewer gave on the note's trace (or session, for session notes).
  rubric: oneParam(z.string().trim().max(200)),
  label: oneParam(z.string().trim().max(1000)),
  cursor: oneParam(cursorParam),
  limit: oneParam(z.coerce.number().int().min(1).max(200)).transform((v) => v ?? 50),
});

export type NoteFilters = z.output<typeof noteFiltersSchema>;

// Invalid params fall back to defaults on pages: a stale link still shows a list.
export function parseNoteFilters(raw: Record<string, unknown>): NoteFilters {
  return parseLenient(noteFiltersSchema, raw);
}
