import { z } from "zod";

// The inputs of the queue domain (lib/queues/*); server actions parse forms
// with the same schemas.

export const queueTargetKinds = ["TRACE", "SPAN", "SESSION"] as const;
export const queueItemStatuses = ["open", "in-progress", "complete"] as const;

const rowId = z.coerce.number().int().positive().max(2_147_483_647);
const optionalDate = z.preprocess((value) => (value === "" ? null : value), z.coerce.date().nullable().optional());

export const queueInputSchema = z.object({
  name: z.string().trim().min(1, "is required").max(200),
  instructions: z.string().max(20_000).default(""),
  targetKind: z.enum(queueTargetKinds),
  rubricIds: z.array(rowId).min(1, "needs at least one rubric").max(50),
  // null: every reviewer may work the queue.
  reviewerIds: z.array(z.uuid()).max(500).nullable(),
  reviewsNeeded: z.coerce.number().int().min(1).max(20),
  claimTimeoutMinutes: z.coerce.number().int().min(1).max(1440).default(15),
  dueAt: optionalDate,
});
export type QueueInput = z.input<typeof queueInputSchema>;
export type ParsedQueueInput = z.output<typeof queueInputSchema>;

// Where a queue's items come from: picked rows, a filtered list once, or a
// filtered list kept filling (a rule). `query` is the list's query string
// (traces, spans or sessions list, matching the queue's target kind).
const listQuery = z.string().trim().max(4000).transform((q) => q.replace(/^\?/, ""));
export const queueSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ids"), ids: z.array(rowId).min(1, "pick at least one row").max(10_000) }),
  z.object({ kind: z.literal("filter"), query: listQuery }),
  z.object({ kind: z.literal("rule"), query: listQuery }),
]);
export type QueueSource = z.input<typeof queueSourceSchema>;

export const itemFiltersSchema = z.object({
  status: z.enum(queueItemStatuses).optional(),
  reviewer: z.uuid().optional(),
  // The last item id of the previous page (items are listed by id).
  cursor: z.coerce.number().int().nonnegative().max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ItemFilters = z.input<typeof itemFiltersSchema>;

export const itemIdsSchema = z.array(rowId).min(1).max(10_000);
export const skipReasonSchema = z.string().trim().min(1, "is required").max(2000);

export { parseInput } from "@/lib/parse-input";
