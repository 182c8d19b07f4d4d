import { z } from "zod";
import { storableText } from "@/lib/api/storable-text";
import { INT32_MAX } from "@/lib/api/storable-text";

// One schema per input, shared by the server actions and the domain (which
// re-checks: it is called from places other than the forms).
export const themeNameSchema = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters")
  .check(storableText);

export const themeDescriptionSchema = z
  .string({ error: "must be a string" })
  .trim()
  // The rubric guideline it becomes holds at most 2000 characters.
  .max(2000, "must be at most 2000 characters")
  .check(storableText);

export const rowIdSchema = z.number({ error: "must be a number" }).int().positive().max(INT32_MAX);
export const noteIdsSchema = z.array(rowIdSchema, { error: "must be a list of note ids" }).max(10_000, "must list at most 10000 notes");

export const createThemeSchema = z.object({
  name: themeNameSchema,
  description: themeDescriptionSchema.optional(),
  noteIds: noteIdsSchema.optional(),
});
export type CreateThemeInput = z.input<typeof createThemeSchema>;

export const updateThemeSchema = z.object({
  name: themeNameSchema.optional(),
  description: themeDescriptionSchema.optional(),
});
export type UpdateThemeInput = z.input<typeof updateThemeSchema>;

export const splitThemeSchema = z.object({
  name: themeNameSchema,
  description: themeDescriptionSchema.optional(),
});
export type SplitThemeInput = z.input<typeof splitThemeSchema>;

export { parseInput } from "@/lib/parse-input";
