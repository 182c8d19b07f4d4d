import type { Pool } from "pg";

// What the benches share: percentiles, timed runs, and a Prisma client with the
// query log on, installed where lib/db.ts looks for the shared one, so every
// statement a domain function runs can be replayed as raw SQL beside it.

export type Stats = { p50: number; p95: number; max: number };

export function percentiles(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

export async function timeRuns(work: () => Promise<unknown>, { warmups, runs }: { warmups: number; runs: number }): Promise<Stats> {
  for (let i = 0; i < warmups; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

export type Captured = { sql: string; params: unknown[] };

/** Installs a query-logging Prisma client for `url`; returns how to capture what a piece of work sent. */
export async function installCapturingClient(url: string) {
  let capture: Captured[] | null = null;
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { openAdapter } = await import("@/lib/db/adapter");
  const client = new PrismaClient({ adapter: openAdapter({ kind: "postgres", url }).factory, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => capture?.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  (globalThis as unknown as { prisma: unknown }).prisma = client;

  /** Runs `work` once with the query log captured: the statements it sent, in order. */
  async function capturedQueries(work: () => Promise<unknown>): Promise<Captured[]> {
    capture = [];
    try {
      await work();
      return capture;
    } finally {
      capture = null;
    }
  }
  return { capturedQueries };
}

/**
 * The same statements straight through `pg`, one after another (the app may overlap some).
 * Prisma's log leaves out BEGIN/COMMIT: a SET LOCAL among them means they ran in a
 * transaction, so the replay runs in one too (else the setting would not hold).
 */
export const replay = (raw: Pick<Pool, "query">, queries: Captured[]) => async () => {
  const inTransaction = queries.some((q) => /^\s*SET LOCAL/i.test(q.sql));
  if (inTransaction) await raw.query("BEGIN");
  for (const q of queries) await raw.query(q.sql, q.params);
  if (inTransaction) await raw.query("COMMIT");
};
