import { Worker } from "node:worker_threads";
import type { SuggestedGroup } from "@/lib/themes/theme-types";
import type { ClusterNote } from "./cluster-notes";
import type { ClusterRequest, ClusterResponse } from "./cluster-worker";

// One worker thread per server process, started on the first "Suggest groups"
// and stopped after a minute unused (it holds the language model and a 50 MB
// similarity matrix, both reused while a lead tries thresholds). Requests queue
// in the worker: clustering is CPU-bound, so two at once would gain nothing on
// these machines.
//
// In the Next.js server the worker is `new Worker(new URL(…, import.meta.url))`,
// the pattern Turbopack turns into a bundled worker entry. Run from source
// (Vitest, tsx scripts, benchmarks) there is no bundle: the worker loads the
// .ts entry through tsx's loader.

const IDLE_MS = 60_000;

type Pending = { resolve: (groups: SuggestedGroup[]) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

// Run from source, the worker first registers tsx's loader, then imports the
// .ts entry (Node 20 cannot start a worker on a .ts file, even with --import tsx).
// A bare "tsx/esm/api" resolves from the working folder: the project root for
// npm scripts and Vitest.
function fromSource(): string {
  const entry = import.meta.url.replace(/cluster-in-worker\.ts$/, "cluster-worker.ts");
  return `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

function startWorker(): Worker {
  // Next.js sets NEXT_RUNTIME in its server, whose bundle holds the worker's own entry chunk.
  const started = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./cluster-worker.ts", import.meta.url))
    : new Worker(fromSource(), { eval: true });
  started.on("message", (response: ClusterResponse) => {
    const request = pending.get(response.id);
    if (!request) return;
    pending.delete(response.id);
    if ("error" in response) request.reject(new Error(response.error));
    else request.resolve(response.groups);
    if (pending.size === 0) idle();
  });
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`The clustering worker stopped (exit code ${code}).`)));
  return started;
}

// An idle worker must not keep a script or test run alive; a busy one must.
function idle() {
  worker?.unref();
  idleTimer = setTimeout(() => {
    const stopping = worker;
    worker = null;
    void stopping?.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}

/** clusterNotes, run on the worker thread; resolves with its groups. */
export function clusterNotesInWorker(notes: ClusterNote[], threshold: number): Promise<SuggestedGroup[]> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  worker ??= startWorker();
  worker.ref();
  const id = nextId++;
  const request: ClusterRequest = { id, notes, threshold };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage(request);
  });
}

/** Stops the worker now (tests, scripts that exit cleanly). */
export async function stopClusterWorker(): Promise<void> {
  const stopping = worker;
  worker = null;
  if (idleTimer) clearTimeout(idleTimer);
  await stopping?.terminate();
}
