import { z } from "zod";
import type { RubricType } from "@/lib/generated/prisma/enums";

// A rubric as the review forms need it, with its categorical values parsed.
export const categoricalValuesSchema = z.array(z.object({ label: z.string().min(1), score: z.number().nullish() }));
export type CategoricalValue = z.infer<typeof categoricalValuesSchema>[number];

export type ReviewRubric = {
  id: number;
  name: string;
  type: RubricType;
  description: string | null;
  values: CategoricalValue[];
  lowerBound: number | null;
  upperBound: number | null;
  targets: ("SPAN" | "TRACE" | "DOCUMENT" | "SESSION")[];
  spanKinds: string[];
  required: boolean;
};

export type ResultInput = { label?: string | null; score?: number | null; explanation?: string | null };

/** Field errors when a value does not fit the rubric (a label not in it, a score out of bounds). */
export function checkAgainstRubric(rubric: ReviewRubric, result: ResultInput): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  if (rubric.type === "CATEGORICAL") {
    const value = rubric.values.find((v) => v.label === result.label);
    if (!value) errors.label = [`must be one of ${rubric.values.map((v) => v.label).join(", ")}`];
    else if (result.score != null && value.score != null && result.score !== value.score) {
      errors.score = [`must be ${value.score} for ${value.label}`];
    }
  }
  if (rubric.type === "CONTINUOUS") {
    const { lowerBound: low, upperBound: high } = rubric;
    if (result.score == null || !Number.isFinite(result.score)) errors.score = ["is required"];
    else if ((low != null && result.score < low) || (high != null && result.score > high)) {
      errors.score = [`must be between ${low ?? "-∞"} and ${high ?? "∞"}`];
    }
  }
  if (rubric.type === "FREEFORM" && !result.explanation?.trim()) errors.explanation = ["is required"];
  return Object.keys(errors).length ? errors : null;
}

/** The label's score, so a categorical choice also records its number. */
export function scoreForLabel(rubric: ReviewRubric, label: string | null | undefined): number | null {
  return rubric.values.find((v) => v.label === label)?.score ?? null;
}

export function appliesTo(rubric: ReviewRubric, target: ReviewRubric["targets"][number], spanKind?: string): boolean {
  if (!rubric.targets.includes(target)) return false;
  return target !== "SPAN" || rubric.spanKinds.length === 0 || (spanKind !== undefined && rubric.spanKinds.includes(spanKind));
}
