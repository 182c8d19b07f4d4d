import { z } from "zod";
import { findJsonProblem, INT32_MAX, storableText } from "@/lib/api/storable-text";
import { typeMessage } from "@/lib/api/wire-errors";

// Phoenix's wire format for annotation writes (shared/phoenix-openapi.json), the
// one schema for both the REST API and the app's server actions. Messages follow
// the field name in wire terms ("name must be at most 200 characters"), and every
// string is one Postgres can store (no NUL, no lone surrogate), so a form and a
// REST client get the same 4xx instead of a database error.
export const annotatorKinds = ["HUMAN", "LLM", "CODE"] as const;
export const RESERVED_NOTE_NAME = "note";
export const MAX_METADATA_BYTES = 64 * 1024;
export const MAX_METADATA_DEPTH = 32;

export const wireText = (max: number) =>
  z.string({ error: typeMessage("a string") }).max(max, `must be at most ${max} characters`).check(storableText);
const wireId = (max: number) =>
  z.string({ error: typeMessage("a string") }).min(1, "must not be empty").max(max, `must be at most ${max} characters`).check(storableText);

export const annotationResultSchema = z.object({
  label: wireText(1000).nullish(),
  score: z.number({ error: "must be a finite number" }).finite("must be a finite number").nullish(),
  explanation: wireText(100_000).nullish(),
});

// jsonb refuses what text does, and has its own nesting limit: metadata is capped well below it.
export const metadataSchema = z
  .record(z.string(), z.unknown(), { error: typeMessage("an object") })
  .superRefine((metadata, ctx) => {
    const problem = findJsonProblem(metadata, MAX_METADATA_DEPTH);
    if (problem?.tooDeep) {
      ctx.addIssue({ code: "custom", message: `must be nested at most ${MAX_METADATA_DEPTH} levels deep`, input: metadata });
    } else if (problem) {
      ctx.addIssue({ code: "custom", message: problem.message, path: problem.path, input: metadata });
    } else if (Buffer.byteLength(JSON.stringify(metadata)) > MAX_METADATA_BYTES) {
      ctx.addIssue({ code: "custom", message: `must be at most ${MAX_METADATA_BYTES / 1024} KiB as JSON`, input: metadata });
    }
  })
  .nullish();

const baseItem = z.object({
  name: z
    .string({ error: typeMessage("a string") })
    .trim()
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters")
    .check(storableText)
    .refine((name) => name !== RESERVED_NOTE_NAME, `"${RESERVED_NOTE_NAME}" is reserved for notes: use the notes routes`),
  annotator_kind: z.enum(annotatorKinds, { error: `must be one of ${annotatorKinds.join(", ")}` }),
  result: annotationResultSchema.nullish(),
  metadata: metadataSchema,
  identifier: wireText(200).nullish(),
});

// Phoenix stores a row only when it says something.
const saysSomething = (item: z.infer<typeof baseItem>) =>
  item.result != null && (item.result.label != null || item.result.score != null || item.result.explanation != null);
const needsResult = { message: "needs at least one of result.label, result.score or result.explanation", path: ["result"] };

export const spanAnnotationSchema = baseItem.extend({ span_id: wireId(64) }).refine(saysSomething, needsResult);
export const traceAnnotationSchema = baseItem.extend({ trace_id: wireId(64) }).refine(saysSomething, needsResult);
export const sessionAnnotationSchema = baseItem.extend({ session_id: wireId(500) }).refine(saysSomething, needsResult);
export const documentAnnotationSchema = baseItem
  .extend({
    span_id: wireId(64),
    // The column is a 32-bit integer. Bounds before int(), which also refuses
    // numbers past 2^53 and would call 1e20 "not an integer".
    document_position: z
      .number({ error: typeMessage("an integer") })
      .min(0, "must be at least 0")
      .max(INT32_MAX, `must be at most ${INT32_MAX}`)
      .int("must be an integer"),
  })
  .refine(saysSomething, needsResult);

export type SpanAnnotationInput = z.infer<typeof spanAnnotationSchema>;
export type TraceAnnotationInput = z.infer<typeof traceAnnotationSchema>;
export type SessionAnnotationInput = z.infer<typeof sessionAnnotationSchema>;
export type DocumentAnnotationInput = z.infer<typeof documentAnnotationSchema>;

export const noteSchema = z.object({
  note: z
    .string({ error: typeMessage("a string") })
    .trim()
    .min(1, "must not be empty")
    .max(100_000, "must be at most 100000 characters")
    .check(storableText),
  identifier: wireText(200).nullish(),
});
export const spanNoteSchema = noteSchema.extend({ span_id: wireId(64) });
export const traceNoteSchema = noteSchema.extend({ trace_id: wireId(64) });
export const sessionNoteSchema = noteSchema.extend({ session_id: wireId(500) });
