import { execFileSync } from "node:child_process";
import { prisma } from "@/lib/db";
import { cpuMsOf } from "./otlp-cpu";

// CPU time used by the app server and by its Postgres backends while a phase
// runs (Linux /proc, same machine only). On a shared, busy machine wall-clock
// rates swing with other load; CPU per span does not, and it tells what an
// otherwise idle machine of this size could sustain.

// Read from /proc: the same reading as the bench scenarios' (otlp-cpu.ts).
export { cpuMsOf };

/** The process listening on a local TCP port (the app server), if `ss` can tell. */
export function pidListeningOn(port: number): number | null {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`]).toString();
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function backendPids(): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  return rows.map((r) => r.pid);
}

export type CpuSnapshot = { app: number; self: number; backends: Map<number, number> };

export async function snapshot(appPid: number | null): Promise<CpuSnapshot> {
  const { user, system } = process.cpuUsage();
  const backends = new Map((await backendPids()).map((pid) => [pid, cpuMsOf(pid)]));
  return { app: appPid ? cpuMsOf(appPid) : 0, self: (user + system) / 1000, backends };
}

/** CPU milliseconds spent since `before`: app server, this process, and Postgres. */
export async function cpuSince(before: CpuSnapshot, appPid: number | null) {
  const after = await snapshot(appPid);
  let postgres = 0;
  for (const [pid, ms] of after.backends) postgres += ms - (before.backends.get(pid) ?? 0);
  return { app: after.app - before.app, self: after.self - before.self, postgres };
}
