import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

// Reliability tests start real app servers from the test build that
// `npm run test:reliability` made (RELIABILITY_DIST_DIR), each on a free port
// with its own environment, and stop them when done.
export const distDir = process.env.RELIABILITY_DIST_DIR || ".next-test";
/** A Postgres URL allowed to create databases; empty when the run is on PGlite. */
export const adminUrl = process.env.RELIABILITY_ADMIN_URL || "";
export const hasPostgres = adminUrl !== "";

export type AppServer = {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/** The command that serves the built app, as `npm start` runs it. */
export function serverCommand(port: number): string[] {
  return ["--import", "tsx", path.resolve("scripts/serve.ts"), "--hostname", "127.0.0.1", "--port", String(port)];
}

/**
 * Starts the built app with `env` on top of this process's environment
 * (DATABASE_URL, or DATABASE_URL="" + PGLITE_DATA_DIR for PGlite). Waits until it
 * answers HTTP, unless `waitUntilReady` is false (for servers expected to refuse).
 */
export async function startServer(env: Record<string, string | undefined>, options: { waitUntilReady?: boolean; command?: (port: number) => string[] } = {}): Promise<AppServer> {
  const port = await freePort();
  const command = (options.command ?? serverCommand)(port);
  const child = spawn(process.execPath, command, {
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const server: AppServer = {
    url: `http://127.0.0.1:${port}`, port, process: child, output: () => output, exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  if (options.waitUntilReady !== false) await waitForHttp(server);
  return server;
}

async function waitForHttp(server: AppServer, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void server.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`Server on port ${server.port} exited before answering:\n${server.output()}`);
    try {
      const response = await fetch(`${server.url}/arize_phoenix_version`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  throw new Error(`Server on port ${server.port} did not answer within ${timeoutMs} ms:\n${server.output()}`);
}

/** A new empty database on the run's Postgres (dropped by `drop`), migrated unless told not to. */
export async function createDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!hasPostgres) throw new Error("createDatabase needs Postgres (RELIABILITY_ADMIN_URL)");
  const name = `marginalia_test_${Date.now()}_${label.replace(/\W/g, "_")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => {}) };
}

export async function adminQuery(sql: string, url = adminUrl) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return (await client.query(sql)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Applies the migrations to a database (`DATABASE_URL`, or PGlite at `PGLITE_DATA_DIR`). */
export function migrate(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/db-migrate.ts"], { env: { ...process.env, ...env }, stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`migration failed (${code}):\n${output}`))));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
