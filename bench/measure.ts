import pg, { type Pool } from "pg";

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

/**
 * The bench database named by `url`, managed through the server's `postgres`
 * database: `admin(sql)` runs a statement there; `ensure()` creates the database
 * if missing (true when it did), `recreate()` drops and creates it, `drop()` drops it.
 */
export function benchDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const quoted = `"${name.replace(/"/g, '""')}"`;
  async function admin(sql: string, params: unknown[] = []) {
    const adminUrl = new URL(url);
    adminUrl.pathname = "/postgres";
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }
  return {
    name,
    admin,
    async ensure(): Promise<boolean> {
      if ((await admin("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount) return false;
      await admin(`CREATE DATABASE ${quoted}`);
      return true;
    },
    async recreate() {
      await admin(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${quoted}`);
    },
    drop: () => admin(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`),
  };
}

export type TimedCall = { name: string; result: string; server: Stats; sql: Stats };

/** The benches' closing table: each call's p50/p95 beside the raw SQL's, against the target. */
export function printTimingTable(results: TimedCall[], { runs, targetMs }: { runs: number; targetMs: number }): void {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const header = ["call", "result", "p50", "p95", "raw SQL p50", "raw SQL p95", "target p50", ""];
  const table = results.map((r) => [r.name, r.result, ms(r.server.p50), ms(r.server.p95), ms(r.sql.p50), ms(r.sql.p95), `≤ ${targetMs} ms`,
    r.server.p50 <= targetMs ? "pass" : "FAIL"]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${table.map(line).join("\n")}`);
  console.log(`\np50/p95 over ${runs} runs; "raw SQL" replays the same statements and parameters on one pg connection, in sequence.`);
}
