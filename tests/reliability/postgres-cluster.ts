import { spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./servers";

// A Postgres cluster of the test's own (initdb in a temp folder, another port),
// for tests that stop and start the database: they must never restart one
// someone else uses. Postgres refuses to run as root, so as root the cluster
// belongs to the `postgres` OS user.

export type PostgresCluster = {
  port: number;
  dir: string;
  /** A URL of one database on this cluster (`postgres` unless named). */
  url: (database?: string) => string;
  /** `pg_ctl stop -m fast`: sessions are terminated, the postmaster exits. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the cluster if it runs and removes its folder. */
  destroy: () => Promise<void>;
  /** The server's log so far. */
  log: () => string;
};

/** The bin folder of the newest installed Postgres with initdb, or null. */
export function postgresBinDir(): string | null {
  const candidates: string[] = [];
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(root, v, "bin")));
  }
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (onPath) candidates.push(path.dirname(onPath));
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

const asRoot = () => process.getuid?.() === 0;

// Asynchronous, so that a test's own clients keep running while Postgres stops and starts.
function run(bin: string, args: string[], timeoutMs = 60_000): Promise<void> {
  const [command, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(bin)} ${args.join(" ")} failed (${code ?? signal}):\n${output}`));
    });
  });
}

export async function startPostgresCluster(binDir: string): Promise<PostgresCluster> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "marginalia-pg-"));
  if (asRoot()) {
    const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (ids.status !== 0) throw new Error("running as root, but there is no `postgres` OS user to run the test cluster");
    chownSync(dir, Number(ids.stdout), Number(gid.stdout));
  }
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const pgCtl = path.join(binDir, "pg_ctl");
  let running = false;
  await run(path.join(binDir, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const cluster: PostgresCluster = {
    port,
    dir,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: async () => {
      // The socket goes in our folder, not /var/run/postgresql, which may not be ours.
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
      await run(pgCtl, ["-D", data, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
      running = true;
    },
    stop: async () => {
      await run(pgCtl, ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
      running = false;
    },
    destroy: async () => {
      try {
        if (running || existsSync(path.join(data, "postmaster.pid"))) await cluster.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
  };
  try {
    await cluster.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}
