import { isDatabaseUnavailable } from "./unavailable";

// What this process last saw of its own connection to the database: the time
// of the last "unreachable" error. Pages cannot answer 503 themselves, so the
// proxy reads this to decide whether to check the database before a page
// (lib/db/outage-response.ts). On globalThis: Next.js loads lib/ separately
// for the proxy, pages and route handlers of one process.
const state = globalThis as unknown as { marginaliaDatabaseDownAt?: number };

/** How long one unreachable error keeps the proxy checking the database before pages. */
export const SUSPICION_MS = 30_000;

/** Records `error` if it means the database is unreachable; says whether it did. */
export function noteIfDatabaseUnavailable(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  if (!databaseSuspectedDown()) {
    const message = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
    console.warn(`Database unreachable (${message}); answering 503 until it is back.`);
  }
  state.marginaliaDatabaseDownAt = Date.now();
  return true;
}

export function databaseSuspectedDown(now = Date.now()): boolean {
  const at = state.marginaliaDatabaseDownAt;
  return at !== undefined && now - at < SUSPICION_MS;
}

/** The database answered again: pages render without checking first. */
export function clearDatabaseSuspicion(): void {
  if (state.marginaliaDatabaseDownAt !== undefined) console.warn("Database reachable again.");
  state.marginaliaDatabaseDownAt = undefined;
}
