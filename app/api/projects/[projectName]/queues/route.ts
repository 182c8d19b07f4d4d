import { queueJsonRoute } from "@/lib/api/queue-route";
import { listQueues } from "@/lib/queues/queues";

// GET: the project's queues with progress (`?archived=1` for the archived ones), polled by the Queues tab.
export const GET = queueJsonRoute<{ projectName: string }>((actor, project, _params, url) =>
  listQueues(actor, project, { archived: url.searchParams.get("archived") === "1" }),
);
