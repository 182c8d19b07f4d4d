import { z } from "zod";

// Phoenix's wire format for annotation writes (shared/phoenix-openapi.json), the
// one schema for both the REST API and the app's server actions.
export const annotatorKinds = ["HUMAN", "LLM", "CODE"] as const;
export const RESERVED_NOTE_NAME = "note";

export const annotationResultSchema = z.object({
  label: z.string().max(1000).nullish(),
  score: z.number({ error: "must be a finite number" }).finite("must be a finite number").nullish(),
  explanation: z.string().max(100_000).nullish(),
});

const metadataSchema = z.record(z.string(), z.unknown()).nullish();

const baseItem = z.object({
  name: z
    .string({ error: "is required" })
    .trim()
    .min(1, "must not be empty")
    .max(200)
    .refine((name) => name !== RESERVED_NOTE_NAME, `"${RESERVED_NOTE_NAME}" is reserved for notes: use the notes routes`),
  annotator_kind: z.enum(annotatorKinds, { error: `must be one of ${annotatorKinds.join(", ")}` }),
  result: annotationResultSchema.nullish(),
  metadata: metadataSchema,
  identifier: z.string().max(200).nullish(),
});

// Phoenix stores a row only when it says something.
const saysSomething = (item: z.infer<typeof baseItem>) =>
  item.result != null && (item.result.label != null || item.result.score != null || item.result.explanation != null);
const needsResult = { message: "needs at least one of result.label, result.score or result.explanation", path: ["result"] };

export const spanAnnotationSchema = baseItem.extend({ span_id: z.string().min(1).max(64) }).refine(saysSomething, needsResult);
export const traceAnnotationSchema = baseItem.extend({ trace_id: z.string().min(1).max(64) }).refine(saysSomething, needsResult);
export const sessionAnnotationSchema = baseItem.extend({ session_id: z.string().min(1).max(500) }).refine(saysSomething, needsResult);
export const documentAnnotationSchema = baseItem
  .extend({ span_id: z.string().min(1).max(64), document_position: z.number().int().min(0) })
  .refine(saysSomething, needsResult);

export type SpanAnnotationInput = z.infer<typeof spanAnnotationSchema>;
export type TraceAnnotationInput = z.infer<typeof traceAnnotationSchema>;
export type SessionAnnotationInput = z.infer<typeof sessionAnnotationSchema>;
export type DocumentAnnotationInput = z.infer<typeof documentAnnotationSchema>;

export const noteSchema = z.object({
  note: z.string().trim().min(1, "must not be empty").max(100_000),
  identifier: z.string().max(200).nullish(),
});
export const spanNoteSchema = noteSchema.extend({ span_id: z.string().min(1).max(64) });
export const traceNoteSchema = noteSchema.extend({ trace_id: z.string().min(1).max(64) });
export const sessionNoteSchema = noteSchema.extend({ session_id: z.string().min(1).max(500) });
