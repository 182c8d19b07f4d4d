import { z } from "zod";
import { revalidatePath } from "next/cache";
import { NotFoundError } from "@/lib/errors";
import { findProjectByName, type ProjectRef } from "@/lib/projects/projects";

// What every queue action shares: the project by name (the pages know it by
// name) and the queue's row id, parsed like the rest of the input.
export const projectNameSchema = z.string().trim().min(1).max(200);
export const queueIdSchema = z.number().int().positive().max(2_147_483_647);
export const itemIdsSchema = z.array(queueIdSchema).min(1, "select at least one item").max(1000);

export async function projectRef(name: string): Promise<ProjectRef> {
  const project = await findProjectByName(name);
  if (!project) throw new NotFoundError(`Project ${name} does not exist.`);
  return project;
}

/** The queue list, the queue pages and every reviewer's home read what changed. */
export function revalidateQueues() {
  revalidatePath("/projects/[projectName]/queues", "layout");
  revalidatePath("/");
}

export const itemsNoun = (n: number) => `${n.toLocaleString("en-US")} item${n === 1 ? "" : "s"}`;
