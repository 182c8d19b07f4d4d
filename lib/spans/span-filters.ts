import { z } from "zod";
import { cursorParam } from "@/lib/pagination/keyset";
import { oneParam, spanKinds, statusCodes, parseLenient } from "@/lib/search-params";

export const spanFiltersSchema = z.object({
  kind: oneParam(z.enum(spanKinds)),
  status: oneParam(z.enum(statusCodes)),
  name: oneParam(z.string().trim().max(200)),
  cursor: oneParam(cursorParam),
  limit: oneParam(z.coerce.number().int().min(1).max(200)).transform((v) => v ?? 50),
});

export type SpanFilters = z.output<typeof spanFiltersSchema>;

export function parseSpanFilters(raw: Record<string, unknown>): SpanFilters {
  return parseLenient(spanFiltersSchema, raw);
}
