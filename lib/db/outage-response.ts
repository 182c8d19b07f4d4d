import pg from "pg";
import { databaseConfig } from "./config";
import { clearDatabaseSuspicion, databaseSuspectedDown, noteIfDatabaseUnavailable } from "./outage";
import { DATABASE_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from "./unavailable";

// For proxy.ts: a page request while this process has recently seen the
// database unreachable first checks it (one `SELECT 1` on a fresh connection,
// shared by concurrent requests), and answers a small 503 page while it stays
// down. Otherwise it costs nothing. PGlite lives in the process: no outage.

const PROBE_TIMEOUT_MS = 1_000;
const PROBE_REUSE_MS = 250;
let lastProbe: { at: number; result: Promise<boolean> } | undefined;

async function probe(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on("error", () => {}); // a socket closing after the probe is no news
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    // Anything else (a wrong password, say) is not an outage: let the page show it.
    return !noteIfDatabaseUnavailable(error);
  } finally {
    void client.end().catch(() => {});
  }
}

function databaseReachable(url: string): Promise<boolean> {
  const now = Date.now();
  if (!lastProbe || now - lastProbe.at > PROBE_REUSE_MS) lastProbe = { at: now, result: probe(url) };
  return lastProbe.result;
}

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Database unavailable · Marginalia</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 6rem auto; padding: 0 1rem; text-align: center; color: #27272a">
<h1 style="font-size: 1.25rem">Database unavailable</h1>
<p>${DATABASE_UNAVAILABLE_MESSAGE} This page reloads itself in ${RETRY_AFTER_SECONDS} seconds.</p>
</body></html>`;

/** A 503 page when the database is down, or null to go on. Server actions go on: they answer in their form. */
export async function databaseOutageResponse(request: Request): Promise<Response | null> {
  if (!databaseSuspectedDown() || request.headers.has("next-action")) return null;
  const config = databaseConfig();
  if (config.kind !== "postgres") return null;
  if (await databaseReachable(config.url)) {
    clearDatabaseSuspicion();
    return null;
  }
  return new Response(page, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" },
  });
}
