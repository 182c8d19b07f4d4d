import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export const FETCH_SIZE = 2000;
// A long export holds one transaction (and one pooled connection) open while the client
// reads; past this the transaction ends and the download stops short.
export const EXPORT_TRANSACTION_TIMEOUT_MS = 60 * 60_000;
// A client that stops reading (but keeps the connection) gives the connection back after this.
export const EXPORT_IDLE_TIMEOUT_MS = 5 * 60_000;

/** Each row as its JSON text (`row_to_json`): the driver hands over one string per row, not a value per cell. */
export type Row = { r: string };

class ExportAborted extends Error {}

/**
 * Streams the rows of `query` from a server-side cursor: an interactive
 * transaction declares `NO SCROLL CURSOR` and FETCHes `FETCH_SIZE` rows at a time,
 * only when the stream's reader wants more (pull), so memory stays flat whatever
 * the row count. Rows come as JSON text, built by Postgres: decoding a value per cell
 * in the driver cost three times as much as the whole export otherwise. `encode` turns each batch into text (the first batch flagged, for
 * a CSV header). Works the same on node-postgres and PGlite (plain SQL in one transaction).
 *
 * Resolves once the first batch is fetched (a bad query rejects here, before any
 * response is sent). Cancelling the stream (the client went away) or an idle client
 * ends the transaction, which closes the cursor.
 */
export async function cursorStream(
  query: Prisma.Sql,
  encode: (rows: Row[], first: boolean) => string,
  options: { fetchSize?: number; signal?: AbortSignal; idleTimeoutMs?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  const fetchSize = options.fetchSize ?? FETCH_SIZE;
  const idleTimeoutMs = options.idleTimeoutMs ?? EXPORT_IDLE_TIMEOUT_MS;
  const encoder = new TextEncoder();
  let cancelled = false;
  let wantMore: (() => void) | null = null;
  // A pull that came while the transaction was still fetching.
  let pendingDemand = false;
  // The pull waiting for the next chunk; resolved when it is enqueued (or the stream ends).
  let delivered: (() => void) | null = null;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let firstBatch!: { resolve: () => void; reject: (error: unknown) => void };
  const ready = new Promise<void>((resolve, reject) => (firstBatch = { resolve, reject }));
  let started = false;

  const stop = () => {
    cancelled = true;
    wantMore?.();
  };
  options.signal?.addEventListener("abort", stop, { once: true });

  const waitForDemand = () =>
    new Promise<void>((resolve, reject) => {
      if (cancelled) return reject(new ExportAborted());
      if (pendingDemand) {
        pendingDemand = false;
        return resolve();
      }
      const timer = setTimeout(() => reject(new ExportAborted()), idleTimeoutMs);
      wantMore = () => {
        clearTimeout(timer);
        wantMore = null;
        if (cancelled) reject(new ExportAborted());
        else resolve();
      };
    });

  const push = (text: string) => {
    if (text) controller.enqueue(encoder.encode(text));
    const done = delivered;
    delivered = null;
    done?.();
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        return new Promise<void>((resolve) => {
          delivered = resolve;
          if (wantMore) wantMore();
          else pendingDemand = true;
        });
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: 0 },
  );

  const run = prisma.$transaction(
    async (tx) => {
      // The export's plan is costly enough for JIT, which only delays the first row of a streamed read.
      await tx.$executeRawUnsafe("SET LOCAL jit = off");
      await tx.$executeRaw(Prisma.sql`DECLARE marginalia_export NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS r FROM (${query}) x`);
      let first = true;
      for (;;) {
        const rows = await tx.$queryRawUnsafe<Row[]>(`FETCH ${fetchSize} FROM marginalia_export`);
        const text = rows.length || first ? encode(rows, first) : "";
        if (first) {
          started = true;
          firstBatch.resolve();
        }
        // One batch ahead at most: the next FETCH waits for the reader to take this one.
        await waitForDemand();
        push(text);
        first = false;
        if (rows.length < fetchSize) break;
      }
      await tx.$executeRawUnsafe("CLOSE marginalia_export");
    },
    { maxWait: 30_000, timeout: EXPORT_TRANSACTION_TIMEOUT_MS },
  );

  run.then(
    () => {
      options.signal?.removeEventListener("abort", stop);
      if (!cancelled) controller.close();
      delivered?.();
    },
    (error) => {
      options.signal?.removeEventListener("abort", stop);
      if (!started) return firstBatch.reject(error);
      if (!cancelled) {
        // The reader stalled past the idle timeout, the transaction timed out, or the query failed:
        // the download ends with an error rather than looking complete.
        if (!(error instanceof ExportAborted)) console.error("export stream failed", error);
        controller.error(error instanceof ExportAborted ? new Error("Export stopped: the reader was idle too long.") : error);
      }
      delivered?.();
    },
  );
  await ready;
  return stream;
}
