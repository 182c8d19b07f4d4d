// Statement capture for scenarios' "raw SQL" column. lib/db.ts keeps the first
// Prisma client it finds on globalThis, so a capturing client must be in place
// before anything imports it: bench/run.ts installs one first thing, and a
// scenario gets at it here rather than through installCapturingClient (which,
// called after lib/db.ts loaded, would capture nothing).
import { replay, type Captured } from "../measure";
import type pg from "pg";

type Capture = (work: () => Promise<unknown>) => Promise<Captured[]>;
const holder = globalThis as unknown as { benchCapturedQueries?: Capture };

/** Called by the runner once the capturing client is installed. */
export function provideCapture(capture: Capture): void {
  holder.benchCapturedQueries = capture;
}

/** The statements (and parameters) `work` sent through the app's Prisma client, in order. */
export function capturedQueries(work: () => Promise<unknown>): Promise<Captured[]> {
  if (!holder.benchCapturedQueries) throw new Error("No capturing Prisma client: run scenarios through `npm run bench` (bench/run.ts installs it)");
  return holder.benchCapturedQueries(work);
}

/** Captures what `work` sends once, and returns a function replaying it on `raw`. */
export async function replayOf(raw: Pick<pg.Pool, "query">, work: () => Promise<unknown>) {
  const queries = await capturedQueries(work);
  return { queries, replay: replay(raw, queries) };
}
