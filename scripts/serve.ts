// The app's HTTP server, what `npm start` (and `npm run dev` with --dev) run:
// Next's request handler in a plain node:http server. `next start` copies a
// client-sent X-Forwarded-For through to the app, so rate limits keyed on it
// could be dodged by rotating it; here every request carries the socket's own
// peer address in a header no client can set (lib/auth/client-address.ts).
// Options as for `next start`: --port or PORT (6006), --hostname or HOST
// (127.0.0.1), NEXT_DIST_DIR through next.config.mjs.
//
// The REST API (/v1/*) takes a lean path in production (lib/api/lean-routes.ts):
// the same route handlers, called without Next's per-request machinery, which
// cost more CPU than a single annotation write itself. LEAN_API=0 sends it
// through Next like the pages.
//
// On Postgres the server can run WEB_CONCURRENCY worker processes
// (node:cluster, one listening socket): Node serves a request on one core, and
// everything the processes share lives in Postgres (rate limits; the API key
// cache is emptied on every process by NOTIFY, lib/auth/key-cache.ts). The
// default is one per two cores (at most 4): a single annotation write costs
// Postgres about as much CPU as the app, so on a machine that also runs
// Postgres half the cores are its. On 2 cores that is one process, which
// measured better than two (bench/annotation-writes.ts): a second worker
// brings its own JIT, pool and LISTEN connection and no free core.
// Embedded PGlite allows one process, and `--dev` watches files in one: both
// always run a single process.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { databaseConfig } from "@/lib/db/config";

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const dev = argv.includes("--dev");
const port = Number(option("--port") || process.env.PORT || 6006);
const hostname = option("--hostname") || process.env.HOST || "127.0.0.1";
const root = fileURLToPath(new URL("..", import.meta.url));
const workers = dev || databaseConfig().kind === "pglite" ? 1 : workerCount(process.env.WEB_CONCURRENCY);

if (workers > 1 && cluster.isPrimary) await runPrimary(workers);
else await runServer();

function workerCount(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)));
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number ≥ 1 (got "${value}")`);
  return n;
}

async function runServer(): Promise<void> {
  // As `next start` / `next dev` do, before Next (and the React it picks by NODE_ENV) loads.
  (process.env as Record<string, string>).NODE_ENV ||= dev ? "development" : "production";
  const { default: next } = await import("next");

  const app = next({ dev, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Loaded after the server listens: until then Next answers /v1/* itself (the
  // same handlers), so the lean path never delays the first answer.
  let lean: Awaited<ReturnType<typeof loadLeanApi>> | null = null;

  const server = createServer((req, res) => {
    // Overwrites whatever the client sent under this name (Node lower-cases names
    // and joins repeats, so one assignment replaces every copy).
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    if (lean?.handle(req, res)) return;
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // WebSocket upgrades (`next dev` reloads) need nothing here: Next's custom-server
  // wrapper attaches its own upgrade handler to this server on the first request.
  // In a cluster, every worker prepares first and all listen together (the
  // primary says when), so the port never answers while another worker is
  // still starting Next (CPU-bound: it would slow every request meanwhile).
  if (cluster.isWorker) await primarySaysListen();
  server.listen(port, hostname, () => {
    if (cluster.isWorker) process.send?.({ ready: true });
    else console.log(`▲ Marginalia ${dev ? "(dev) " : ""}ready on http://${hostname}:${port}`);
    if (dev || process.env.LEAN_API === "0") return;
    loadLeanApi().then((api) => (lean = api), (error) => console.error("The lean /v1/* path failed to load; Next serves the API.", error));
  });

  // Graceful stop, as `next start` does: no new connections, finish the open
  // requests, close Next, then exit 128 + signal; after 10 s exit anyway. Repeated
  // signals are ignored: Ctrl-C reaches this process both from the terminal and
  // from scripts/start.ts (and, in a cluster, from the primary).
  let stopping = false;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(code), 10_000).unref();
      server.close(() => void app.close().catch(console.error).finally(() => process.exit(code)));
      if (dev) server.closeAllConnections();
      // Keep-alive connections close as soon as their last response is done.
      setInterval(() => server.closeIdleConnections(), 100).unref();
    });
  }
}

function primarySaysListen(): Promise<void> {
  return new Promise((resolve) => {
    process.on("message", (message: { listen?: boolean }) => {
      if (message?.listen) resolve();
    });
    process.send?.({ prepared: true });
  });
}

// The route files under app/v1, loaded here (tsx) rather than from Next's
// build: same source, same lib/. Shared state is on globalThis in lib/ (the
// Prisma client, the key cache, the outage flag), so this copy and Next's use one.
async function loadLeanApi() {
  const { findRouteFiles, headerRules, leanApi, loadRoutes } = await import("@/lib/api/lean-routes");
  type HeaderRules = Parameters<typeof headerRules>[0];
  const configUrl = new URL("../next.config.mjs", import.meta.url).href;
  const { default: nextConfig } = (await import(configUrl)) as { default: { headers(): Promise<HeaderRules> } };
  const headersFor = headerRules(await nextConfig.headers());
  const appDir = fileURLToPath(new URL("../app", import.meta.url));
  return leanApi(await loadRoutes(appDir, findRouteFiles(appDir, "v1")), headersFor);
}

// The primary only forks and watches: the workers share its listening socket.
// All workers start Next at once and listen once all have (see above). A
// worker that fails before all are up stops the lot (a port in use, a bad
// build); one that dies later is replaced, and listens as soon as it is prepared.
async function runPrimary(count: number): Promise<void> {
  let prepared = 0;
  let ready = 0;
  let stopping = false;
  let stopCode = 0;
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message: { prepared?: boolean; ready?: boolean }) => {
      if (message?.prepared && ++prepared >= count) {
        if (prepared === count) for (const w of Object.values(cluster.workers ?? {})) w?.send({ listen: true });
        else worker.send({ listen: true }); // a replacement
      }
      if (message?.ready && ++ready === count) console.log(`▲ Marginalia ready on http://${hostname}:${port} (${count} worker processes)`);
    });
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopCode);
      return;
    }
    if (ready < count) {
      console.error(`A server process exited while starting (${signal ?? `code ${code}`}): stopping.`);
      stopping = true;
      stopCode = code ?? 1;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill("SIGTERM");
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopCode);
      return;
    }
    console.error(`A server process exited (${signal ?? `code ${code}`}): starting another.`);
    ready--;
    prepared--;
    setTimeout(fork, 1_000);
  });
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stopCode = code;
      // Each worker stops gracefully (above); exit once all have.
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
      setTimeout(() => process.exit(code), 11_000).unref();
    });
  }
  for (let i = 0; i < count; i++) fork();
}
