import { z } from "zod";
import { AnnotationTarget, OptimizationDirection, RubricType, SpanKind } from "@/lib/generated/prisma/enums";

// A rubric is what Phoenix calls an annotation config: the name annotations are
// written under, and what values they may take. One schema for the app's
// forms and (through annotation-config-wire.ts) the REST API.
export const rubricTypes = Object.values(RubricType);
export const optimizationDirections = Object.values(OptimizationDirection);
export const rubricTargets = Object.values(AnnotationTarget);
export const rubricSpanKinds = Object.values(SpanKind);

const finite = z.number({ error: "must be a number" }).finite("must be a finite number");

export const categoricalValueSchema = z.object({
  label: z.string().trim().min(1, "must not be empty").max(200),
  score: finite.nullish(),
});

const common = {
  name: z.string().trim().min(1, "must not be empty").max(200),
  description: z.string().trim().max(2000).nullish(),
  // What the rubric applies to (app only; Phoenix has no such field). Kept when absent.
  targets: z.array(z.enum(rubricTargets)).min(1, "must name at least one target").optional(),
  spanKinds: z.array(z.enum(rubricSpanKinds)).optional(),
};

const bounds = {
  lowerBound: finite.nullish(),
  upperBound: finite.nullish(),
};
const boundsInOrder = (r: { lowerBound?: number | null; upperBound?: number | null }) =>
  r.lowerBound == null || r.upperBound == null || r.lowerBound < r.upperBound;
const boundsIssue = { message: "must be greater than the lower bound", path: ["upperBound"] };

export const categoricalRubricSchema = z.object({
  ...common,
  type: z.literal("CATEGORICAL"),
  optimizationDirection: z.enum(optimizationDirections).default("NONE"),
  values: z
    .array(categoricalValueSchema)
    .min(1, "needs at least one value")
    .max(100)
    .refine((values) => new Set(values.map((v) => v.label)).size === values.length, "labels must be unique"),
});

export const continuousRubricSchema = z
  .object({ ...common, ...bounds, type: z.literal("CONTINUOUS"), optimizationDirection: z.enum(optimizationDirections).default("NONE") })
  .refine(boundsInOrder, boundsIssue);

export const freeformRubricSchema = z
  .object({
    ...common,
    ...bounds,
    type: z.literal("FREEFORM"),
    optimizationDirection: z.enum(optimizationDirections).nullish().transform((d) => d ?? "NONE"),
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
