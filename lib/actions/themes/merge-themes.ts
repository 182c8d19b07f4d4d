"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { mergeThemes } from "@/lib/themes/merge-split";
import { rowIdSchema } from "@/lib/themes/theme-schemas";
import type { ThemeRef } from "@/lib/themes/theme-types";

const inputSchema = z
  .object({ fromId: rowIdSchema, intoId: rowIdSchema })
  .refine((input) => input.fromId !== input.intoId, { message: "must be another theme", path: ["intoId"] });

/** Folds theme `fromId` into `intoId`: its notes get `intoId`, then it is deleted. */
export async function mergeThemesAction(input: unknown): Promise<ActionState<ThemeRef>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const into = await mergeThemes(await currentActor(), parsed.data.fromId, parsed.data.intoId);
    revalidatePath("/projects/[projectName]", "layout");
    return { status: "success", message: `Merged into ${into.name}.`, data: into };
  } catch (error) {
    return failure(error);
  }
}
