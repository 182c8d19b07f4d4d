import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { findProjectByName } from "@/lib/projects/projects";
import { getQueue } from "@/lib/queues/queues";

const rowId = (text: string) => (/^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2_147_483_647 ? Number(text) : null);

/** The project and queue a queue page's URL names; the 404 page when either is unknown (or the queue is another project's). */
export async function loadQueueFromParams(actor: Actor, params: { projectName: string; queueId: string }) {
  const project = await findProjectByName(decodeURIComponent(params.projectName));
  const id = rowId(params.queueId);
  if (!project || !id) notFound();
  const queue = await getQueue(actor, project, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return { project, queue };
}
