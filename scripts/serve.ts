// The app's HTTP server, what `npm start` (and `npm run dev` with --dev) run:
// Next's request handler in a plain node:http server. `next start` copies a
// client-sent X-Forwarded-For through to the app, so rate limits keyed on it
// could be dodged by rotating it; here every request carries the socket's own
// peer address in a header no client can set (lib/auth/client-address.ts).
// Options as for `next start`: --port or PORT (6006), --hostname or HOST
// (127.0.0.1), NEXT_DIST_DIR through next.config.mjs.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const dev = argv.includes("--dev");
const port = Number(option("--port") || process.env.PORT || 6006);
const hostname = option("--hostname") || process.env.HOST || "127.0.0.1";
// As `next start` / `next dev` do, before Next (and the React it picks by NODE_ENV) loads.
(process.env as Record<string, string>).NODE_ENV ||= dev ? "development" : "production";
const { default: next } = await import("next");

const app = next({ dev, dir: fileURLToPath(new URL("..", import.meta.url)), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Overwrites whatever the client sent under this name (Node lower-cases names
  // and joins repeats, so one assignment replaces every copy).
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
// WebSocket upgrades (`next dev` reloads) need nothing here: Next's custom-server
// wrapper attaches its own upgrade handler to this server on the first request.
server.listen(port, hostname, () => console.log(`▲ Marginalia ${dev ? "(dev) " : ""}ready on http://${hostname}:${port}`));

// Graceful stop, as `next start` does: no new connections, finish the open
// requests, close Next, then exit 128 + signal; after 10 s exit anyway. Repeated
// signals are ignored: Ctrl-C reaches this process both from the terminal and
// from scripts/start.ts.
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
