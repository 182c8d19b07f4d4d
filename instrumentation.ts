import { noteIfDatabaseUnavailable } from "@/lib/db/outage";

// Runs once when the server starts. On embedded PGlite the server takes the
// data folder's lock at once, so a second server on the same folder is refused
// at start (with who holds it) rather than answering 500 on its first query.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { claimEmbeddedDatabaseOrExit } = await import("@/lib/db/claim-embedded-database");
  claimEmbeddedDatabaseOrExit();
}

// A page, action or route that failed because the database is unreachable
// tells the proxy, which then answers 503 to pages until the database is back.
export function onRequestError(error: unknown): void {
  noteIfDatabaseUnavailable(error);
}
