import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

// PGlite takes no lock across processes, and two processes on one data folder
// corrupt it or silently lose one's writes. So the process that opens it first
// holds a lock file beside the folder (`<folder>.lock`, created exclusively)
// until it closes the database or exits; any other process is refused.

export type LockOwner = { pid: number; hostname: string; bootId: string; startedAt: string; command: string; cwd?: string };

export class PgliteLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner
      ? `process ${owner.pid}${owner.hostname !== hostname() ? ` on host ${owner.hostname}` : ""} (${owner.command}${owner.cwd ? ` in ${owner.cwd}` : ""}), running since ${owner.startedAt}`
      : "another process (its lock file is being written or is unreadable)";
    super(
      `The embedded database at ${path.dirname(lockPath)}/${path.basename(lockPath, ".lock")} is in use by ${who}.\n` +
        "PGlite allows one process at a time: stop that process first, or set DATABASE_URL to use Postgres, " +
        `which serves many.${owner && owner.hostname !== hostname() ? `\nIf that process is gone, delete ${lockPath}.` : ""}`,
    );
    this.name = "PgliteLockedError";
  }
}

type HeldLock = { lockPath: string; owner: LockOwner };
// Held locks on globalThis: Next.js loads this module more than once per process.
const shared = globalThis as unknown as { marginaliaPgliteLocks?: Map<string, HeldLock> };
const held = (shared.marginaliaPgliteLocks ??= new Map<string, HeldLock>());

export function lockPathFor(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  // The real path, so two spellings of one folder (symlinks, ..) share a lock.
  return `${realpathSync(dataDir)}.lock`;
}

function bootId(): string {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return ""; // not Linux: pid liveness alone decides
  }
}

function currentOwner(): LockOwner {
  const command = process.argv.slice(1).map((arg) => path.basename(arg)).join(" ") || "node";
  // `next dev` serves from a child named start-server.js: the folder tells which app it is.
  return { pid: process.pid, hostname: hostname(), bootId: bootId(), startedAt: new Date().toISOString(), command, cwd: process.cwd() };
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockPath, "utf8")) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, someone else's
  }
}

/**
 * Why a lock file no longer protects anything, or null while its owner may be
 * running. Another host's lock is never taken over: its pid cannot be checked.
 */
export function staleReason(owner: LockOwner): string | null {
  if (owner.hostname !== hostname()) return null;
  if (owner.bootId && bootId() && owner.bootId !== bootId()) return "written before the machine restarted";
  // Our own pid, yet not held here: a restarted container reusing the pid.
  if (owner.pid === process.pid) return "left by an earlier process with this process id";
  if (!isAlive(owner.pid)) return `process ${owner.pid} is no longer running`;
  return null;
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the lock on `dataDir` for this process (again and again, at no cost,
 * once held), or throws PgliteLockedError naming the process that holds it.
 */
export function acquirePgliteLock(dataDir: string, log: (message: string) => void = console.warn): void {
  const lockPath = lockPathFor(dataDir);
  if (held.has(lockPath)) return;
  const owner = currentOwner();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, owner)) {
      held.set(lockPath, { lockPath, owner });
      installExitHandlers();
      return;
    }
    const existing = readOwner(lockPath);
    // Unreadable: another process is between creating and writing it.
    const reason = existing && staleReason(existing);
    if (!existing || !reason) throw new PgliteLockedError(lockPath, existing);
    // Re-read just before removing, so a lock another process took over meanwhile stays.
    const again = readOwner(lockPath);
    if (again && again.pid === existing.pid && again.startedAt === existing.startedAt) {
      log(`Taking over the stale lock on ${dataDir} (${reason}; it was held by ${existing.command}).`);
      unlinkSync(lockPath);
    }
  }
  throw new PgliteLockedError(lockPath, readOwner(lockPath));
}

/** Releases this process's lock on `dataDir`, if it holds one. */
export function releasePgliteLock(dataDir: string): void {
  let lockPath: string;
  try {
    lockPath = `${realpathSync(dataDir)}.lock`;
  } catch {
    return;
  }
  const lock = held.get(lockPath);
  if (lock) release(lock);
}

function release(lock: HeldLock): void {
  held.delete(lock.lockPath);
  const owner = readOwner(lock.lockPath);
  // Never remove a lock that is not ours (deleted by hand and taken by another process).
  if (owner && owner.pid === lock.owner.pid && owner.startedAt === lock.owner.startedAt) {
    try {
      unlinkSync(lock.lockPath);
    } catch {
      // already gone
    }
  }
}

function releaseAll(): void {
  for (const lock of [...held.values()]) release(lock);
}

let handlersInstalled = false;

// 'exit' covers process.exit() and a drained event loop. A signal kills Node
// without 'exit' unless someone handles it: release, then let the signal do
// what it would have done (Next's own handlers, or Node's default).
function installExitHandlers(): void {
  const state = globalThis as unknown as { marginaliaPgliteLockHandlers?: boolean };
  if (handlersInstalled || state.marginaliaPgliteLockHandlers) return;
  handlersInstalled = state.marginaliaPgliteLockHandlers = true;
  process.on("exit", releaseAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      releaseAll();
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}
