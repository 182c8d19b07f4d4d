import { z } from "zod";

// Query strings of the Phoenix REST routes: repeated keys for lists
// (`trace_id=a&trace_id=b`), ISO 8601 times with or without an offset.
export const MAX_LIST_VALUES = 1000;

/** Repeated keys named in `lists` become arrays; other keys keep their last value. */
export function queryObject(url: URL, lists: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = lists.includes(key) ? values : values.at(-1);
  }
  return out;
}

export const listOf = <T extends z.ZodType>(item: T) =>
  z.array(item).max(MAX_LIST_VALUES, `must list at most ${MAX_LIST_VALUES} values`).optional();

export const listParam = () => listOf(z.string().min(1).max(1000));

// Phoenix (Python) reads a time without offset as UTC; JavaScript would read it as local time.
export const timeParam = z
  .string()
  .transform((text) => new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(text) || !text.includes("T") ? text : `${text}Z`))
  .refine((date) => !Number.isNaN(date.getTime()), "must be an ISO 8601 date-time")
  .optional();

export const limitParam = (max: number | null, fallback = 100) =>
  (max === null ? z.coerce.number().int().positive() : z.coerce.number().int().positive().max(max)).default(fallback);

export const booleanParam = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();
