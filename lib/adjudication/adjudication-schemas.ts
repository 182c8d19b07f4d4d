import { z } from "zod";
import { storableText } from "@/lib/api/storable-text";

// One schema per input, shared by the page (search params), the server actions and the tests.

export const disagreementStatusSchema = z.enum(["open", "resolved"]);
export type DisagreementStatus = z.infer<typeof disagreementStatusSchema>;

export const MAX_DISAGREEMENTS = 500;

/** The list's URL state: a queue or a rubric, the continuous threshold, open or resolved. */
export const disagreementFiltersSchema = z
  .object({
    queueId: z.coerce.number().int().positive().optional(),
    rubric: z.string().trim().min(1).max(200).check(storableText).optional(),
    // Continuous rubrics: a spread (max − min) above this is a disagreement. 0: any difference.
    threshold: z.coerce.number().min(0).max(1e9).default(0),
    status: disagreementStatusSchema.default("open"),
    limit: z.coerce.number().int().min(1).max(MAX_DISAGREEMENTS).default(50),
  })
  .refine((f) => f.queueId !== undefined || f.rubric !== undefined, { message: "Choose a queue or a rubric.", path: ["queueId"] });
export type DisagreementFilters = z.input<typeof disagreementFiltersSchema>;
export type ParsedDisagreementFilters = z.output<typeof disagreementFiltersSchema>;

/** Search params of the page, lenient: anything unusable is dropped, as other lists do with stale params. */
export function parseDisagreementParams(raw: Record<string, string | undefined>): ParsedDisagreementFilters | null {
  const field = <T>(schema: z.ZodType<T>, value: string | undefined) => (value === undefined || value === "" ? undefined : schema.safeParse(value).data);
  const queueId = field(z.coerce.number().int().positive(), raw.queue);
  const rubric = field(z.string().trim().min(1).max(200).check(storableText), raw.rubric);
  if (queueId === undefined && rubric === undefined) return null;
  return {
    queueId,
    rubric,
    threshold: field(z.coerce.number().min(0).max(1e9), raw.threshold) ?? 0,
    status: field(disagreementStatusSchema, raw.status) ?? "open",
    limit: field(z.coerce.number().int().min(1).max(MAX_DISAGREEMENTS), raw.limit) ?? 50,
  };
}

/** The page's query string for `filters` with some keys changed (undefined drops one). */
export function disagreementQuery(filters: ParsedDisagreementFilters, changes: Record<string, string | undefined> = {}): string {
  const values: Record<string, string | undefined> = {
    queue: filters.queueId?.toString(),
    rubric: filters.rubric,
    threshold: filters.threshold ? String(filters.threshold) : undefined,
    status: filters.status === "open" ? undefined : filters.status,
    ...changes,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params.toString();
}

export const adjudicationTargetSchema = z.object({
  kind: z.enum(["TRACE", "SPAN", "SESSION", "DOCUMENT"]),
  // The trace id, span id (documents too) or session id.
  id: z.string().trim().min(1).max(200).check(storableText),
  documentPosition: z.coerce.number().int().min(0).optional(),
});

/** A lead's final value: a label (categorical) or a score (continuous), and why. */
export const adjudicateInputSchema = z.object({
  target: adjudicationTargetSchema,
  rubric: z.string().trim().min(1).max(200).check(storableText),
  label: z.string().trim().min(1).max(200).check(storableText).nullish(),
  score: z.coerce.number().finite().nullish(),
  reason: z.string().trim().min(1, { error: "A reason is required." }).max(10_000).check(storableText),
});
export type AdjudicateInput = z.input<typeof adjudicateInputSchema>;
