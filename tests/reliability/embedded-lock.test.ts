import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, startServer, type AppServer } from "./servers";

// Two processes on one embedded PGlite folder corrupt it or keep only one's
// writes. The first to open it holds `<folder>.lock`; everything else on that
// folder (a second server, db:migrate, db:seed, npm start's preparation) is
// refused with who holds it, and exits non-zero, while the first keeps serving.
describe("two embedded servers on one data folder", () => {
  const root = mkdtempSync(path.join(tmpdir(), "embedded-lock-"));
  const dir = path.join(root, "pglite");
  const env = { DATABASE_URL: "", PGLITE_DATA_DIR: dir, AUTH_DISABLED: "1", SEED_DEMO: "0" };
  const servers: AppServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  // Exits (with its code), or answers HTTP: whichever comes first.
  async function outcome(server: AppServer): Promise<{ exited: number | null } | "serving"> {
    const serving = (async () => {
      while (server.process.exitCode === null) {
        const answered = await fetch(`${server.url}/arize_phoenix_version`).then((r) => r.ok, () => false);
        if (answered) return "serving" as const;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return new Promise<never>(() => {});
    })();
    return Promise.race([server.exited.then((code) => ({ exited: code })), serving]);
  }

  function run(script: string, args: string[] = []): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(path.resolve("node_modules/.bin/tsx"), [script, ...args], { env: { ...process.env, ...env }, stdio: "pipe" });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("exit", (code) => resolve({ code, output }));
    });
  }

  const otlpTrace = (project: string) => ({
    resourceSpans: [{
      resource: { attributes: [{ key: "openinference.project.name", value: { stringValue: project } }] },
      scopeSpans: [{ spans: [{
        traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", name: "turn", kind: 1,
        startTimeUnixNano: "1764000000000000000", endTimeUnixNano: "1764000000500000000", status: { code: 1 },
      }] }],
    }],
  });
  const projectNames = async (server: AppServer) => {
    const response = await fetch(`${server.url}/v1/projects`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: { name: string }[] }).data.map((p) => p.name);
  };

  it("refuses a second server and the database commands while the first runs, and frees the folder when it stops", async () => {
    await migrate({ DATABASE_URL: "", PGLITE_DATA_DIR: dir });
    const first = await startServer(env);
    servers.push(first);
    expect(await projectNames(first)).toEqual([]); // the first has opened the database
    expect(existsSync(`${dir}.lock`)).toBe(true);

    // A second server and the three database commands, all at once (each is refused on its own).
    const scripts = [["scripts/db-migrate.ts", []], ["scripts/db-seed.ts", ["--traces", "1"]], ["scripts/start.ts", ["--prepare-only"]]] as const;
    const secondServer = startServer(env, { waitUntilReady: false }).then((second) => (servers.push(second), second));
    const [result, ...commands] = await Promise.all([
      secondServer.then(outcome),
      ...scripts.map(([script, args]) => run(script, [...args])),
    ]);
    const second = await secondServer;
    expect(result).not.toBe("serving");
    expect(result).not.toEqual({ exited: 0 });
    const refusal = second.output();
    expect(refusal).toContain(`The embedded database at ${dir} is in use by process ${first.process.pid}`);
    expect(refusal).toContain(`(serve.ts --hostname 127.0.0.1 --port ${first.port} in ${process.cwd()})`); // the holder's command
    expect(refusal).toContain("stop that process first, or set DATABASE_URL to use Postgres");

    for (const [i, [script]] of scripts.entries()) {
      const command = commands[i];
      expect(command.code, `${script}:\n${command.output}`).toBe(1);
      expect(command.output).toContain(`is in use by process ${first.process.pid}`);
      expect(command.output).not.toMatch(/^\s+at /m); // a message, not a stack trace
    }

    // The first is unharmed and still writes.
    const ingest = await fetch(`${first.url}/v1/traces`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(otlpTrace("kept-after-restart")),
    });
    expect(ingest.status).toBeLessThan(300);
    expect(await projectNames(first)).toEqual(["kept-after-restart"]);

    await first.stop();
    expect(existsSync(`${dir}.lock`)).toBe(false); // released on SIGTERM
    const third = await startServer(env);
    servers.push(third);
    expect(await projectNames(third)).toEqual(["kept-after-restart"]);
  });
});
