import pg from "pg";
import { databaseConfig } from "@/lib/db/config";
import type { Actor } from "./permissions";

// Keys seen valid in the last few seconds skip the lookup: a client writing
// annotations one by one would otherwise pay a round trip per request for the
// same answer. Several app processes may serve one Postgres database, so a
// revocation, role change or deactivation made anywhere must reach every
// process's cache: a trigger on api_keys and users (migration rate_limits)
// sends NOTIFY marginalia_auth on commit, and each process LISTENs on one
// dedicated connection and empties its cache. While that connection is down
// nothing is cached (every request looks its key up), so a missed notice can
// never leave a revoked key working. PGlite is one process: clearing the cache
// in the process that made the change (forgetRecentKeys) suffices there.
const TTL_MS = 5_000;
const MAX_KEYS = 1_000;
const CHANNEL = "marginalia_auth";
const PING_MS = 15_000;

type Entry = { actor: Actor; until: number };
type State = {
  keys: Map<string, Entry>;
  // Bumped on every clear: a lookup that started before a clear must not put
  // its (maybe stale) answer in the cache after it.
  generation: number;
  listening: boolean;
  listenerStarted: boolean;
};

// On globalThis: route handlers and server actions load separate copies of
// lib/, and a revocation in one must clear the cache the other reads.
const shared = globalThis as unknown as { marginaliaKeyCache?: State };
const state = (shared.marginaliaKeyCache ??= { keys: new Map(), generation: 0, listening: false, listenerStarted: false });

export function forgetRecentKeys(): void {
  state.keys.clear();
  state.generation++;
}

/** The cached actor for a key hash, and a token to pass to `rememberKey` after a lookup. */
export function recentKey(hash: string): { actor: Actor | null; generation: number } {
  const usable = cacheUsable();
  const entry = state.keys.get(hash);
  const fresh = usable && entry && entry.until > Date.now();
  return { actor: fresh ? entry.actor : null, generation: state.generation };
}

export function rememberKey(hash: string, actor: Actor | null, generation: number): void {
  if (!actor) {
    state.keys.delete(hash);
    return;
  }
  if (generation !== state.generation || !cacheUsable()) return;
  if (state.keys.size >= MAX_KEYS) state.keys.clear();
  state.keys.set(hash, { actor, until: Date.now() + TTL_MS });
}

/** Whether this process hears of changes made elsewhere (Postgres), so that caching is on. */
export const keyCacheListening = () => state.listening;

function cacheUsable(): boolean {
  const config = databaseConfig();
  if (config.kind === "pglite") return true;
  if (!state.listenerStarted) {
    state.listenerStarted = true;
    void listen(config.url, 0);
  }
  return state.listening;
}

/** Keeps one LISTEN connection open, reconnecting with a growing pause (up to 10 s). */
async function listen(url: string, failures: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 5_000 });
  let ended = false;
  let ping: NodeJS.Timeout | undefined;
  const reconnect = (attempt: number) => {
    if (ended) return;
    ended = true;
    if (state.listening) console.warn("Lost the LISTEN connection for API key changes: not caching keys until it is back.");
    state.listening = false;
    forgetRecentKeys();
    clearInterval(ping);
    client.end().catch(() => {});
    setTimeout(() => void listen(url, attempt), Math.min(10_000, 250 * 2 ** attempt)).unref();
  };
  client.on("notification", (message) => {
    if (message.channel === CHANNEL) forgetRecentKeys();
  });
  // The pause grows while connecting fails (a database outage), and starts
  // over once a connection has worked.
  let connected = false;
  const dropped = () => reconnect(connected ? 0 : failures + 1);
  client.on("error", dropped);
  client.on("end", dropped);
  try {
    await client.connect();
    // Never keep a process (a script, a test run) alive just to listen.
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    await client.query(`LISTEN ${CHANNEL}`);
    connected = true;
  } catch {
    dropped();
    return;
  }
  if (ended) return;
  // Changes made while no connection listened were never announced to us.
  forgetRecentKeys();
  state.listening = true;
  // A connection that died without a word (no FIN, no RST) shows up here.
  ping = setInterval(() => {
    client.query({ text: "SELECT 1", query_timeout: 5_000 } as pg.QueryConfig).catch(() => reconnect(0));
  }, PING_MS).unref();
}
