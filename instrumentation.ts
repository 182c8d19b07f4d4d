import { noteIfDatabaseUnavailable } from "@/lib/db/outage";

// A page, action or route that failed because the database is unreachable
// tells the proxy, which then answers 503 to pages until the database is back.
export function onRequestError(error: unknown): void {
  noteIfDatabaseUnavailable(error);
}
