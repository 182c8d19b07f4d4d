import { z } from "zod";
import { storableText } from "@/lib/api/storable-text";
import { typeMessage } from "@/lib/api/wire-errors";
import { AnnotationTarget, OptimizationDirection, RubricType, SpanKind } from "@/lib/generated/prisma/enums";

// A rubric is what Phoenix calls an annotation config: the name annotations are
// written under, and what values they may take. One schema for the app's
// forms and (through annotation-config-wire.ts) the REST API.
export const rubricTypes = Object.values(RubricType);
export const optimizationDirections = Object.values(OptimizationDirection);
export const rubricTargets = Object.values(AnnotationTarget);
export const rubricSpanKinds = Object.values(SpanKind);

const finite = z.number({ error: "must be a number" }).finite("must be a finite number");

// Messages read after the field name, in the same words for the form and the
// REST API; strings must be storable (no NUL, no lone surrogate).
const text = (max: number, required: boolean) => {
  const trimmed = z.string({ error: typeMessage("a string") }).trim();
  return (required ? trimmed.min(1, "must not be empty") : trimmed)
    .max(max, `must be at most ${max} characters`)
    .check(storableText);
};

export const categoricalValueSchema = z.object({
  label: text(200, true),
  score: finite.nullish(),
});

const common = {
  name: text(200, true),
  description: text(2000, false).nullish(),
  // What the rubric applies to (app only; Phoenix has no such field). Kept when absent.
  targets: z.array(z.enum(rubricTargets)).min(1, "must name at least one target").optional(),
  spanKinds: z.array(z.enum(rubricSpanKinds)).optional(),
  // Review mode's Enter waits for it (app only; Phoenix has no such field). Kept when absent.
  required: z.boolean({ error: typeMessage("a boolean") }).optional(),
};

const bounds = {
  lowerBound: finite.nullish(),
  upperBound: finite.nullish(),
};
const direction = z.enum(optimizationDirections, { error: `must be one of ${optimizationDirections.join(", ")}` });

const boundsInOrder = (r: { lowerBound?: number | null; upperBound?: number | null }) =>
  r.lowerBound == null || r.upperBound == null || r.lowerBound < r.upperBound;
const boundsIssue = { message: "must be greater than the lower bound", path: ["upperBound"] };

export const categoricalRubricSchema = z.object({
  ...common,
  type: z.literal("CATEGORICAL"),
  optimizationDirection: direction.default("NONE"),
  values: z
    .array(categoricalValueSchema, { error: "must be a list of {label, score}" })
    .min(1, "needs at least one value")
    .max(100, "must list at most 100 values")
    .refine((values) => new Set(values.map((v) => v.label)).size === values.length, "labels must be unique"),
});

export const continuousRubricSchema = z
  .object({ ...common, ...bounds, type: z.literal("CONTINUOUS"), optimizationDirection: direction.default("NONE") })
  .refine(boundsInOrder, boundsIssue);

export const freeformRubricSchema = z
  .object({
    ...common,
    ...bounds,
    type: z.literal("FREEFORM"),
    optimizationDirection: direction.nullish().transform((d) => d ?? "NONE"),
  })
  .refine(boundsInOrder, boundsIssue);

export const rubricInputSchema = z.discriminatedUnion("type", [
  categoricalRubricSchema,
  continuousRubricSchema,
  freeformRubricSchema,
]);

export type RubricInput = z.input<typeof rubricInputSchema>;
export type ParsedRubricInput = z.output<typeof rubricInputSchema>;

export type CategoricalValue = { label: string; score: number | null };

/** What the domain returns: a plain object, the same for pages and the REST API. */
export type Rubric = {
  id: number;
  name: string;
  type: RubricType;
  description: string | null;
  optimizationDirection: OptimizationDirection;
  values: CategoricalValue[];
  lowerBound: number | null;
  upperBound: number | null;
  targets: AnnotationTarget[];
  spanKinds: SpanKind[];
  required: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const listRubricsSchema = z.object({
  limit: z.coerce.number().int().positive().max(1000).default(100),
  // Row id of the first rubric of the page (rubrics are listed newest first).
  cursor: z.number().int().positive().optional(),
  includeArchived: z.boolean().default(false),
  projectId: z.number().int().positive().optional(),
});
export type ListRubricsInput = z.input<typeof listRubricsSchema>;
