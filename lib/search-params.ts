import { z } from "zod";

export const spanKinds = [
  "LLM", "CHAIN", "RETRIEVER", "TOOL", "AGENT", "EMBEDDING", "RERANKER", "GUARDRAIL", "EVALUATOR", "UNKNOWN",
] as const;
export const statusCodes = ["OK", "ERROR", "UNSET"] as const;

// URL search params arrive as string | string[]; lists keep the first value,
// and an empty string means "not set".
export const oneParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const first = Array.isArray(value) ? value[0] : value;
    return first === "" ? undefined : first;
  }, schema.optional());

export type RawSearchParams = Record<string, string | string[] | undefined>;

// Words of a free-text search as a prefix-matching tsquery ("refund pol" → "refund:* & pol:*").
export function toPrefixTsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 8).map((w) => `${w}:*`).join(" & ") : null;
}

/**
 * A page's URL state: params that do not parse are dropped and fall back to
 * their defaults, so a stale or hand-edited link still shows the page.
 * (REST routes parse strictly and answer 422 instead.)
 */
export function parseLenient<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const cleaned = { ...raw };
  for (const issue of parsed.error.issues) delete cleaned[String(issue.path[0])];
  return schema.parse(cleaned);
}
