// Resident memory of a process and its descendants (Linux /proc), for the
// table's "peak server RSS": the server may fork workers, and they count too.
import { readdirSync, readFileSync } from "node:fs";

function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // gone between the listing and the read
    }
  }
  return parents;
}

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const parents = parentsByPid();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

/** The command line of `pid` (arguments joined by spaces), or "" when it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

/** The direct children of `pid`. */
export function childrenOf(pid: number): number[] {
  return [...parentsByPid()].filter(([, parent]) => parent === pid).map(([child]) => child);
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export const treeRssBytes = (pid: number) => processTree(pid).reduce((sum, member) => sum + rssBytes(member), 0);

/** Samples the tree's RSS every `everyMs` until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 250) {
  let peak = treeRssBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(pid));
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, treeRssBytes(pid));
    },
  };
}
