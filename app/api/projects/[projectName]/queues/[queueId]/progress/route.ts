import { queueIdParam, queueJsonRoute } from "@/lib/api/queue-route";
import { queueProgress } from "@/lib/queues/queue-items";

// GET: a queue's progress overall and per reviewer, polled by the queue page.
export const GET = queueJsonRoute<{ projectName: string; queueId: string }>((actor, project, params) =>
  queueProgress(actor, project, queueIdParam(params.queueId)),
);
