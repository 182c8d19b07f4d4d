import { z } from "zod";
import { noteIdsSchema } from "@/lib/themes/theme-schemas";
import { MAX_THRESHOLD, MIN_THRESHOLD } from "./cluster-options";

// Inputs of "Suggest groups", shared by the actions and the domain.

export const thresholdSchema = z.object({
  threshold: z
    .number({ error: "must be a number" })
    .min(MIN_THRESHOLD, `must be at least ${MIN_THRESHOLD}`)
    .max(MAX_THRESHOLD, `must be at most ${MAX_THRESHOLD}`),
});

export const groupNoteIdsSchema = z.object({
  noteIds: noteIdsSchema.min(1, "must list at least one note"),
});
