import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquirePgliteLock, lockPathFor, PgliteLockedError, releasePgliteLock, type LockOwner } from "./pglite-lock";

let root: string;
let dataDir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "pglite-lock-"));
  dataDir = path.join(root, "pglite");
});
afterEach(() => {
  releasePgliteLock(dataDir);
  rmSync(root, { recursive: true, force: true });
});

const bootId = () => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
const owner = (fields: Partial<LockOwner>): LockOwner => ({
  pid: process.pid, hostname: hostname(), bootId: bootId(), startedAt: "2026-12-01T10:00:00.000Z", command: "next start --port 6006", cwd: "/srv/marginalia", ...fields,
});
const writeLock = (fields: Partial<LockOwner>) => writeFileSync(lockPathFor(dataDir), JSON.stringify(owner(fields)));
const lockFile = () => JSON.parse(readFileSync(lockPathFor(dataDir), "utf8")) as LockOwner;
// The pid of a process that has ended (not reused this soon).
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

// A live process other than this one that holds no lock of its own.
async function withLiveProcess(use: (pid: number) => void) {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  try {
    use(child.pid!);
  } finally {
    child.kill("SIGKILL");
  }
}

function lockedError(): PgliteLockedError {
  try {
    acquirePgliteLock(dataDir);
  } catch (error) {
    expect(error).toBeInstanceOf(PgliteLockedError);
    return error as PgliteLockedError;
  }
  throw new Error("acquirePgliteLock did not refuse");
}

describe("the embedded database lock", () => {
  it("is a file beside the data folder naming this process, removed on release", () => {
    acquirePgliteLock(dataDir);
    expect(lockPathFor(dataDir)).toBe(`${dataDir}.lock`);
    const written = lockFile();
    expect(written.pid).toBe(process.pid);
    expect(written.hostname).toBe(hostname());
    expect(written.bootId).toBe(bootId());
    expect(new Date(written.startedAt).getTime()).not.toBeNaN();
    expect(written.command).not.toBe("");
    expect(written.cwd).toBe(process.cwd());
    acquirePgliteLock(dataDir); // held already: no error, same lock
    expect(lockFile().startedAt).toBe(written.startedAt);
    releasePgliteLock(dataDir);
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
  });

  it("refuses while a running process holds it, naming that process and what to do", async () => {
    await withLiveProcess((pid) => {
      writeLock({ pid });
      const error = lockedError();
      expect(error.message).toContain(`process ${pid}`);
      expect(error.message).toContain("next start --port 6006");
      expect(error.message).toContain("in /srv/marginalia");
      expect(error.message).toContain(dataDir);
      expect(error.message).toMatch(/stop that process/);
      expect(error.message).toContain("DATABASE_URL");
      expect(lockFile().pid).toBe(pid); // left alone
    });
  });

  it("takes over a lock whose process is gone, and says so", () => {
    const pid = deadPid();
    writeLock({ pid });
    const logged: string[] = [];
    acquirePgliteLock(dataDir, (message) => logged.push(message));
    expect(lockFile().pid).toBe(process.pid);
    expect(logged.join("\n")).toMatch(new RegExp(`stale lock.*process ${pid} is no longer running`));
  });

  it("takes over a lock written before the machine restarted, even if its pid runs now", async () => {
    await withLiveProcess((pid) => {
      writeLock({ pid, bootId: "00000000-0000-0000-0000-000000000000" });
      const logged: string[] = [];
      acquirePgliteLock(dataDir, (message) => logged.push(message));
      expect(lockFile().pid).toBe(process.pid);
      expect(logged.join("\n")).toMatch(/restarted/);
    });
  });

  it("takes over a lock naming this very pid that this process does not hold (a restarted container)", () => {
    writeLock({ pid: process.pid, startedAt: "2020-01-01T00:00:00.000Z" });
    acquirePgliteLock(dataDir, () => {});
    expect(lockFile().startedAt).not.toBe("2020-01-01T00:00:00.000Z");
  });

  it("never takes over another host's lock: its process cannot be checked", () => {
    writeLock({ pid: deadPid(), hostname: "other-machine" });
    const error = lockedError();
    expect(error.message).toContain("on host other-machine");
    expect(error.message).toContain(`delete ${lockPathFor(dataDir)}`);
  });

  it("refuses while the lock file is still being written (empty)", () => {
    writeFileSync(lockPathFor(dataDir), "");
    expect(lockedError().message).toMatch(/another process/);
  });

  it("leaves a lock it does not own on release", async () => {
    acquirePgliteLock(dataDir);
    await withLiveProcess((pid) => {
      writeLock({ pid }); // someone deleted ours by hand and another process took it
      releasePgliteLock(dataDir);
      expect(lockFile().pid).toBe(pid);
    });
  });

  it.each(["SIGTERM", "SIGINT"] as const)("is released when its process is stopped with %s", async (signal) => {
    const script = `import { acquirePgliteLock } from ${JSON.stringify(path.resolve("lib/db/pglite-lock.ts"))};
      acquirePgliteLock(${JSON.stringify(dataDir)}); console.log("locked"); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], { stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, how) => resolve(how)));
    await new Promise<void>((resolve) => child.stdout!.on("data", (chunk) => String(chunk).includes("locked") && resolve()));
    expect(lockFile().pid).not.toBe(process.pid);
    const error = lockedError();
    expect(error.owner?.pid).toBe(child.pid);
    child.kill(signal);
    expect(await exited).toBe(signal); // still ends the way the signal would have
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
  });
});
