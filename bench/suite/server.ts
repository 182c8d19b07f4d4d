// The app as `npm start` runs it (scripts/start.ts: migrate, build when stale,
// then scripts/serve.ts), on the bench database, with auth on.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { childrenOf, commandLine, processTree } from "./process-tree";

// Every server started and not yet stopped, so an interrupted run (Ctrl-C while
// the server builds or starts) still stops it: see stopStartedServers().
const started = new Set<ChildProcess>();

/** Stops whatever startServer started and nothing stopped yet. */
export async function stopStartedServers(): Promise<void> {
  await Promise.all([...started].map((starter) => stop(starter)));
}

export type BenchServer = { baseUrl: string; pid: number; logPath: string; stop: () => Promise<void> };

// A build on a busy 2-core machine takes minutes; the server itself starts in seconds.
const READY_TIMEOUT_MS = 20 * 60_000;

export async function startServer({ databaseUrl, port, log }: { databaseUrl: string; port: number; log: (line: string) => void }): Promise<BenchServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  if (await answers(baseUrl)) throw new Error(`Something already answers on ${baseUrl}: stop it or pass --port`);
  const logPath = path.join(tmpdir(), `marginalia-bench-server-${port}.log`);
  const output = createWriteStream(logPath);
  // Auth on (the scenarios sign in with the lead's key and cookie); NODE_ENV as serve.ts sets it.
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "0" };
  delete env.AUTH_DISABLED;
  delete env.NODE_ENV;
  const starter = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "start.ts")], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  started.add(starter);
  starter.stdout!.pipe(output);
  starter.stderr!.pipe(output);
  let exited: string | null = null;
  starter.on("exit", (code, signal) => (exited = `exited with ${signal ?? code}`));
  starter.stdout!.on("data", (chunk: Buffer) => {
    if (/Building \(/.test(chunk.toString())) log(`  building the app first (${chunk.toString().trim()}) — log: ${logPath}`);
  });

  const since = performance.now();
  let lastWord = since;
  while (!(await answers(baseUrl))) {
    if (performance.now() - lastWord > 30_000) {
      lastWord = performance.now();
      log(`  waiting for the server (${((lastWord - since) / 1000).toFixed(0)} s)…`);
    }
    if (exited) throw new Error(`The server ${exited} before answering; see ${logPath}`);
    if (performance.now() - since > READY_TIMEOUT_MS) {
      await stop(starter);
      throw new Error(`The server did not answer on ${baseUrl} within ${READY_TIMEOUT_MS / 60_000} min; see ${logPath}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Auth on means an anonymous API call is refused: the figures are those of a signed-in deployment.
  const anonymous = await fetch(`${baseUrl}/v1/projects`, { signal: AbortSignal.timeout(60_000) });
  await anonymous.arrayBuffer();
  if (anonymous.status !== 401) {
    await stop(starter);
    throw new Error(`The server answered an anonymous GET /v1/projects with ${anonymous.status}, not 401: is auth off (AUTH_DISABLED)?`);
  }
  // start.ts only spawns the server; the server (and any workers it forks) is its child.
  // Not simply its first child: tsx runs an esbuild service beside it.
  const pid = childrenOf(starter.pid!).find((child) => commandLine(child).includes("serve.ts")) ?? starter.pid!;
  log(`Server ready on ${baseUrl} (pid ${pid}) in ${((performance.now() - since) / 1000).toFixed(0)} s; log: ${logPath}`);
  return { baseUrl, pid, logPath, stop: () => stop(starter) };
}

async function answers(baseUrl: string): Promise<boolean> {
  // Bounded by a timer of its own too: a poll must never hang the wait.
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 6000)));
  return Promise.race([poll(baseUrl), giveUp]).finally(() => clearTimeout(timer));
}

async function poll(baseUrl: string): Promise<boolean> {
  try {
    // /readyz: 200 once the database answers with every migration applied.
    const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** SIGTERM (start.ts passes it on; the server finishes open requests), then SIGKILL whatever is left after 15 s. */
async function stop(starter: ChildProcess): Promise<void> {
  started.delete(starter);
  if (starter.exitCode !== null || starter.signalCode !== null) return;
  const tree = processTree(starter.pid!);
  const exited = new Promise<void>((resolve) => starter.once("exit", () => resolve()));
  starter.kill("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    for (const pid of tree) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}
