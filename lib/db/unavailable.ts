// Errors that mean "the database cannot be reached right now" (stopped,
// restarting, refusing connections), as opposed to a bad query: the request may
// succeed if retried shortly, so the API answers 503 + Retry-After, not 500.
// The shapes below were captured from Prisma 7 + @prisma/adapter-pg against a
// Postgres that was stopped, restarted and crashed (lib/db/unavailable.test.ts).

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly.";
export const RETRY_AFTER_SECONDS = 5;

// P1001 can't reach the server, P1002 it timed out, P1017 it closed the
// connection, P2024 no pool connection in time.
const prismaCodes = new Set(["P1001", "P1002", "P1017", "P2024"]);
// What the adapter reports for a socket that failed (refused, reset, timed out)
// or for a server with no connection slot left.
const adapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// SQLSTATEs: 57P01 admin_shutdown (fast stop), 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up, shutting down, in recovery), 53300
// too_many_connections; class 08 is "connection exception".
const sqlStates = new Set(["57P01", "57P02", "57P03", "53300"]);
// Node socket errors, when pg's own error reaches us unconverted.
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// pg throws plain Errors for a socket that closed without a Postgres message
// (the adapter passes them on as they are).
const pgMessages = [
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
];

type Loose = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };

function isUnavailableSqlState(code: unknown): boolean {
  return typeof code === "string" && (sqlStates.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

// One error object: a Prisma error, the adapter's DriverAdapterError or its
// cause (`{ kind, code }`), a pg DatabaseError, or a Node socket error.
function matchesOne(error: Loose): boolean {
  const { code, kind, message } = error;
  if (typeof code === "string" && (prismaCodes.has(code) || socketCodes.has(code) || isUnavailableSqlState(code))) return true;
  if (typeof kind === "string" && adapterKinds.has(kind)) return true;
  if (kind === "postgres" && isUnavailableSqlState(code)) return true;
  return typeof message === "string" && pgMessages.some((pattern) => pattern.test(message));
}

/** Whether `error` (or what it wraps) says the database is unreachable right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const next = queue.shift();
    if (!next || typeof next !== "object" || seen.has(next)) continue;
    seen.add(next);
    const loose = next as Loose;
    if (matchesOne(loose)) return true;
    queue.push(loose.cause);
    const meta = loose.meta as { driverAdapterError?: unknown } | undefined;
    if (meta && typeof meta === "object") queue.push(meta.driverAdapterError);
    if (next instanceof AggregateError) queue.push(...next.errors);
  }
  return false;
}
