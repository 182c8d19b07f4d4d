// `npm run bench` options: parsed here, apart from the runner, so they can be tested.
import { parseArgs } from "node:util";
import type { WorldSizes } from "../seed/world";

export type BenchOptions = {
  sizes: WorldSizes;
  /** Scenario names to run (null: all). */
  only: string[] | null;
  list: boolean;
  quick: boolean;
  /** Keep the database afterwards; a later --keep run with the same sizes reuses it. */
  keep: boolean;
  databaseUrl: string;
  port: number;
  resultsPath: string;
  help: boolean;
};

export const DEFAULT_SIZES: WorldSizes = { traces: 100_000, spansPerTrace: 10, annotations: 1_000_000, notes: 100_000, queueItems: 100_000, reviewers: 3 };
export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/marginalia_bench_run";
export const DEFAULT_PORT = 6099;

export const USAGE = `npm run bench -- [options]
  --list                     list the scenarios and exit
  --only a,b                 run only these scenarios (names from --list)
  --quick                    fewer runs per figure (a smoke run of the table), same world
  --keep                     keep the database afterwards; a later --keep run with the same sizes reuses it
  --traces N                 traces to seed (default 100000)
  --spans-per-trace N        spans per trace (default 10)
  --annotations N            labels and scores to seed (default 1000000)
  --notes N                  notes to seed (default 100000)
  --queue-items N            items in the review queue (default: as many as traces, at most 100000)
  --reviewers N              reviewers who rated and wrote notes (default 3, at least 3)
  --database-url URL         the bench database, created and dropped (default ${DEFAULT_DATABASE_URL}; BENCH_DATABASE_URL)
  --port N                   the app server's port (default ${DEFAULT_PORT})
  --results PATH             where to write the results (default bench/RESULTS.md)`;

const count = (name: string, raw: string | undefined, fallback: number, min: number): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got "${raw}")`);
  return value;
};

export function parseBenchArgs(argv: string[], env: Record<string, string | undefined> = {}): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      list: { type: "boolean", default: false },
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      traces: { type: "string" },
      "spans-per-trace": { type: "string" },
      annotations: { type: "string" },
      notes: { type: "string" },
      "queue-items": { type: "string" },
      reviewers: { type: "string" },
      "database-url": { type: "string" },
      port: { type: "string" },
      results: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const traces = count("traces", values.traces, DEFAULT_SIZES.traces, 1);
  const queueItems = count("queue-items", values["queue-items"], Math.min(traces, DEFAULT_SIZES.queueItems), 1);
  if (queueItems > traces) throw new Error(`--queue-items (${queueItems}) cannot exceed --traces (${traces}): the queue holds traces`);
  const only = values.only?.split(",").map((name) => name.trim()).filter(Boolean) ?? null;
  if (only && only.length === 0) throw new Error("--only needs at least one scenario name");
  return {
    sizes: {
      traces,
      spansPerTrace: count("spans-per-trace", values["spans-per-trace"], DEFAULT_SIZES.spansPerTrace, 1),
      annotations: count("annotations", values.annotations, DEFAULT_SIZES.annotations, 0),
      notes: count("notes", values.notes, DEFAULT_SIZES.notes, 0),
      queueItems,
      reviewers: count("reviewers", values.reviewers, DEFAULT_SIZES.reviewers, 3),
    },
    only,
    list: values.list!,
    quick: values.quick!,
    keep: values.keep!,
    databaseUrl: values["database-url"] ?? env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL,
    port: count("port", values.port, DEFAULT_PORT, 1),
    resultsPath: values.results ?? "bench/RESULTS.md",
    help: values.help!,
  };
}
