"use server";

import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { getProjectByName } from "@/lib/projects/projects";
import { parseNoteFilters } from "@/lib/themes/note-filters";
import { DEFAULT_THRESHOLD } from "@/lib/themes/suggest/cluster-options";
import { thresholdSchema } from "@/lib/themes/suggest/suggest-schemas";
import { suggestGroups } from "@/lib/themes/suggest/suggest-groups";
import { rowIdSchema } from "@/lib/themes/theme-schemas";
import type { SuggestedGroup, SuggestedGroups } from "@/lib/themes/theme-types";

const inputSchema = z
  .object({
    projectId: rowIdSchema.optional(),
    projectName: z.string().trim().min(1, "must not be empty").max(200).optional(),
    // The notes page's URL params, as they are (parsed like the page parses them).
    filters: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
    threshold: thresholdSchema.shape.threshold.default(DEFAULT_THRESHOLD),
  })
  .refine((input) => input.projectId !== undefined || input.projectName !== undefined, {
    error: "name the project",
    path: ["projectName"],
  });

/** Clusters the filtered notes (the untagged ones when no filter is set) into suggested groups. */
export async function suggestGroupsAction(input: unknown): Promise<ActionState<SuggestedGroup[]>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { projectId, projectName, filters, threshold } = parsed.data;
    const actor = await currentActor();
    const id = projectId ?? (await getProjectByName(projectName!)).id;
    const result = await suggestGroups(actor, id, parseNoteFilters(filters), { threshold });
    return { status: "success", message: describe(result), data: result.groups };
  } catch (error) {
    return failure(error);
  }
}

// What was clustered, in a sentence the panel shows above the groups.
function describe({ groups, noteCount, untaggedOnly, capped, dismissedCount }: SuggestedGroups): string {
  const which = untaggedOnly ? "untagged notes" : "filtered notes";
  const over = capped ? `the newest ${noteCount.toLocaleString("en")} ${which} (more matched; narrow the filter to cluster the rest)` : `${noteCount.toLocaleString("en")} ${which}`;
  const found = groups.length === 0 ? "No groups of 3 or more similar notes" : `${groups.length} group${groups.length === 1 ? "" : "s"}`;
  const hidden = dismissedCount ? `; ${dismissedCount} dismissed before ${dismissedCount === 1 ? "is" : "are"} hidden` : "";
  return `${found} in ${over}${hidden}.`;
}
