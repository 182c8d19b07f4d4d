import { parentPort } from "node:worker_threads";
import { clusterNotes, type ClusterNote } from "./cluster-notes";
import { noteTerms } from "./note-terms";

// The worker thread that runs clusterNotes (CPU-bound for a second or more at
// 5,000 notes) so the server's event loop keeps serving other requests.
// Started and fed by cluster-in-worker.ts.

export type ClusterRequest = { id: number; notes: ClusterNote[]; threshold: number };
export type ClusterResponse =
  | { id: number; groups: ReturnType<typeof clusterNotes> }
  | { id: number; error: string };

// Load the language model now, while nobody waits for it yet.
if (parentPort) noteTerms(["warm"]);

parentPort?.on("message", (request: ClusterRequest) => {
  let response: ClusterResponse;
  try {
    response = { id: request.id, groups: clusterNotes(request.notes, { threshold: request.threshold }) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
