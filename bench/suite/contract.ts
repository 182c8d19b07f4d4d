// The contract between `npm run bench` (bench/run.ts, the runner) and the
// scenarios it runs (bench/scenarios/*.ts). The runner creates its own
// database, migrates and seeds it (bench/seed/), starts the production server
// on it, runs the scenarios asked for, samples the server's resident memory
// while each runs, prints one table and writes bench/RESULTS.md; then drops
// the database.

/** What the runner seeded and started, handed to every scenario. */
export type BenchWorld = {
  /** The seeded, migrated bench database (a dedicated Postgres database). */
  databaseUrl: string;
  /** The production app server on that database (auth on), e.g. http://127.0.0.1:6099; null when no scenario asked for it. */
  baseUrl: string | null;
  /** Pid of the server process (the primary when it forks workers); the runner samples its RSS (and its children's). */
  serverPid: number | null;
  /** Bearer key of a LEAD in the bench project, for /v1/*. */
  apiKey: string;
  /** `Cookie` header value of a signed-in LEAD, for page requests. */
  sessionCookie: string;
  projectName: string;
  projectId: string;
  /** What the seed holds (actual counts, not the asked-for sizes). */
  counts: { traces: number; spans: number; sessions: number; annotations: number; notes: number; queueItems: number };
  /** The reviewers whose annotations and notes were seeded (at least 3, for agreement). */
  reviewers: { userId: string; email: string; identifier: string }[];
  /** A queue over the bench project's traces (counts.queueItems items, N = 2), for claim-next and progress. */
  queueId: string;
  /** --quick: fewer runs per figure (a smoke run of the table), same seed. */
  quick: boolean;
};

export type Throughput = { value: number; unit: string };

/** One line of the table. Leave out what a figure does not have. */
export type BenchRow = {
  /** The figure, e.g. "trace list page (HTTP)", "annotation writes, 32 clients". */
  figure: string;
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  throughput?: Throughput;
  /** CPU of the server per 1,000 units of work (e.g. ms CPU per 1,000 spans), where it tells something. */
  cpuMsPer1000?: number;
  /** The same work as raw SQL on a plain `pg` connection (captured statements replayed, or the hand-written equivalent). */
  rawSql?: { p50Ms?: number; p95Ms?: number; throughput?: Throughput };
  /** As written in the issue, e.g. "p50 ≤ 100 ms, p95 ≤ 200 ms" or "≥ 5,000 spans/s". Empty when the figure has none. */
  target: string;
  /** Whether the target was met; null when there is no target. */
  met: boolean | null;
  /** Why a target is missed, or what the figure means, in a few words. */
  note?: string;
};

export type Scenario = {
  /** Short, unique, used on the command line: `npm run bench -- --only writes,otlp`. */
  name: string;
  /** One line for `npm run bench -- --list`. */
  description: string;
  /** Whether it talks to the HTTP server (the runner starts it only when some chosen scenario does). */
  needsServer: boolean;
  /** Runs the measurements; `log` prints progress lines. Must leave the seeded world usable by the next scenario. */
  run(world: BenchWorld, log: (line: string) => void): Promise<BenchRow[]>;
};
