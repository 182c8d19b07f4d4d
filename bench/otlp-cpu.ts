import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Pool } from "pg";

// CPU of a server's process tree (a primary and its workers) and of a
// database's Postgres backends, from Linux /proc (same machine only). Unlike
// process-cpu.ts this loads no Prisma client: a bench scenario measures a
// database it was handed, not the one in the environment.

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"]).toString()) || 100;
  } catch {
    return 100; // Linux's usual USER_HZ
  }
})();

export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime + stime
  } catch {
    return 0; // gone, or not on this machine
  }
}

// Pids of a process and all its descendants (a server that forks workers).
export { processTree } from "./suite/process-tree";

/** CPU of a set of processes at one moment, per pid (so one that exits or appears is counted right). */
export const cpuOf = (pids: number[]) => new Map(pids.map((pid) => [pid, cpuMsOf(pid)]));

/** CPU milliseconds spent since `before` by the processes of `after` (new ones from zero). */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The Postgres backends serving the pool's database right now. */
export async function backendPids(pool: Pick<Pool, "query">): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
  return rows.map((r) => r.pid);
}
