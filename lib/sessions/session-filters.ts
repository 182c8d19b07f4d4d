import { z } from "zod";
import { cursorParam } from "@/lib/pagination/keyset";
import { oneParam } from "@/lib/search-params";

export const sessionFiltersSchema = z.object({
  cursor: oneParam(cursorParam),
  limit: oneParam(z.coerce.number().int().min(1).max(200)).transform((v) => v ?? 50),
});

export type SessionFilters = z.output<typeof sessionFiltersSchema>;

export function parseSessionFilters(raw: Record<string, unknown>): SessionFilters {
  const parsed = sessionFiltersSchema.safeParse(raw);
  return parsed.success ? parsed.data : sessionFiltersSchema.parse({});
}
