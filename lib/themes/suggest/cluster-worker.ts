import { parentPort } from "node:worker_threads";
import { clusterNotes, type ClusterNote } from "./cluster-notes";

// The worker thread that runs clusterNotes (CPU-bound for a second or more at
// 5,000 notes) so the server's event loop keeps serving other requests.
// Started and fed by cluster-in-worker.ts.

export type ClusterRequest = { id: number; notes: ClusterNote[]; threshold: number };
export type ClusterResponse =
  | { id: number; groups: ReturnType<typeof clusterNotes> }
  | { id: number; error: string };

parentPort?.on("message", (request: ClusterRequest) => {
  let response: ClusterResponse;
  try {
    response = { id: request.id, groups: clusterNotes(request.notes, { threshold: request.threshold }) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
