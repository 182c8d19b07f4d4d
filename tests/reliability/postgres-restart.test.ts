import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest } from "../fixtures/otlp-requests";
import { postgresBinDir, startPostgresCluster, type PostgresCluster } from "./postgres-cluster";
import { adminQuery, distDir, migrate, startServer, type AppServer } from "./servers";

// Postgres restarts under a bounded write load: every write the API
// acknowledged is in the database afterwards, the outage answers 503 with
// Retry-After (API and pages), never 500, and writes succeed again without
// restarting the app. On a cluster of its own (initdb on another port): it
// never restarts a database someone else uses.
const binDir = postgresBinDir();
const CLIENTS = 4;
const MAX_REQUESTS_PER_CLIENT = 1_500;
const REQUEST_TIMEOUT_MS = 10_000;
const OUTAGE_MS = 2_500;
const WAIT_MS = 30_000;
const BACKOFF_MS = 100;
const spanId = "5e1f0c0ffee00001";
const traceId = "5e1f0c0ffee000000000000000000001";

type Probe = { status: number; retryAfter: string | null; body: unknown; ms: number };

// The load balancer's view: /healthz (process up) and /readyz (database usable).
async function probe(app: AppServer, path: "/healthz" | "/readyz"): Promise<Probe> {
  const sentAt = Date.now();
  const response = await fetch(`${app.url}${path}`, { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json(), ms: Date.now() - sentAt };
}

type Outcome = { client: number; identifier: string; status: number | "error"; retryAfter: string | null; sentAt: number; doneAt: number; detail?: string };

// A server action called as the browser does (its id from the build's manifest).
async function callAction(app: AppServer, exportedName: string, page: string, args: unknown[]): Promise<Response> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string }> };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`no server action ${exportedName} in the build`);
  return fetch(`${app.url}${page}`, {
    method: "POST",
    headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: app.url },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

async function until(condition: () => boolean, what: () => string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!binDir)(binDir ? "a Postgres restart under write load" : "a Postgres restart (skipped: no initdb found under /usr/lib/postgresql/*/bin or on PATH)", () => {
  let cluster: PostgresCluster | undefined;
  let server: AppServer | undefined;
  const databaseUrl = () => cluster!.url("marginalia");

  beforeAll(async () => {
    cluster = await startPostgresCluster(binDir!);
    await adminQuery(`CREATE DATABASE marginalia`, cluster.url());
    await migrate({ DATABASE_URL: databaseUrl() });
    server = await startServer({ DATABASE_URL: databaseUrl(), AUTH_DISABLED: "1", SEED_DEMO: "0", DATABASE_POOL_SIZE: "4" });
  });

  afterAll(async () => {
    await server?.stop();
    await cluster?.destroy();
  });

  it("keeps every acknowledged write, answers 503 during the outage and recovers by itself", async () => {
    const app = server!;
    const now = new Date();
    const ingest = await fetch(`${app.url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(jsonRequest([{ traceId, spanId, name: "restart-test", start: new Date(now.getTime() - 1000), end: now }])),
    });
    expect(ingest.status).toBe(200);
    const readyBefore = await probe(app, "/readyz");
    const liveBefore = await probe(app, "/healthz");

    const outcomes: Outcome[] = [];
    let stopLoad = false;
    const write = async (client: number, seq: number): Promise<Outcome> => {
      const identifier = `c${client}-${seq}`;
      const sentAt = Date.now();
      try {
        const response = await fetch(`${app.url}/v1/span_annotations?sync=true`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ data: [{ span_id: spanId, name: "restart-load", annotator_kind: "CODE", identifier, result: { score: seq } }] }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const body = await response.text();
        return { client, identifier, status: response.status, retryAfter: response.headers.get("retry-after"), sentAt, doneAt: Date.now(), detail: response.ok ? undefined : body };
      } catch (error) {
        return { client, identifier, status: "error", retryAfter: null, sentAt, doneAt: Date.now(), detail: String(error) };
      }
    };
    const load = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let seq = 0; seq < MAX_REQUESTS_PER_CLIENT && !stopLoad; seq++) {
        const outcome = await write(client, seq);
        outcomes.push(outcome);
        // A polite client pauses after a refusal (less than Retry-After, to see the recovery soon).
        if (outcome.status !== 200) await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS));
      }
    });
    const acked = () => outcomes.filter((o) => o.status === 200);
    const seen = () => {
      const counts = new Map<string, number>();
      for (const o of outcomes) counts.set(String(o.status), (counts.get(String(o.status)) ?? 0) + 1);
      const last = outcomes.findLast((o) => o.status !== 200);
      return `${[...counts].map(([status, n]) => `${n}× ${status}`).join(", ")}${last ? `; last refusal: ${last.detail?.slice(0, 200)}` : ""}`;
    };

    try {
      await until(() => acked().length >= 40, () => `the first acknowledged writes (so far ${seen()})`);

      const stoppingAt = Date.now();
      await cluster!.stop();
      const downAt = Date.now();
      // While it is down: the API answers 503, and so do pages.
      await until(() => outcomes.some((o) => o.status === 503 && o.sentAt >= downAt), () => `a 503 from the API while Postgres is down (so far ${seen()})`);
      const page = await fetch(`${app.url}/projects/default/traces`, { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const pageBody = await page.text();
      const home = await fetch(`${app.url}/`, { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await home.text();
      const review = { target: "SPAN", item: { span_id: spanId, name: "quality", annotator_kind: "HUMAN", result: { label: "good" } } };
      const action = await callAction(app, "saveAnnotationAction", "/projects/default/traces", [review]);
      const actionBody = await action.text();
      const readyDuring = await probe(app, "/readyz");
      const liveDuring = await probe(app, "/healthz");
      const remaining = OUTAGE_MS - (Date.now() - downAt);
      if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining)); // the outage's length, not a wait for a condition
      const startingAt = Date.now();
      await cluster!.start();
      const upAt = Date.now();

      // Writes succeed again on the same app process, on each client.
      await until(() => Array.from({ length: CLIENTS }, (_, c) => c).every((c) => outcomes.some((o) => o.client === c && o.status === 200 && o.sentAt >= upAt)), () => `acknowledged writes after the restart (so far ${seen()})`);
      const firstAckAfter = Math.min(...acked().filter((o) => o.sentAt >= upAt).map((o) => o.doneAt));
      const ackedBeforeStopping = acked().length;
      await until(() => acked().length >= ackedBeforeStopping + 40, () => `more writes after the restart (so far ${seen()})`);
      stopLoad = true;
      await Promise.all(load);

      const pageAfter = await fetch(`${app.url}/projects/default/traces`, { redirect: "manual" });
      await pageAfter.text();
      const readyAfter = await probe(app, "/readyz");
      const liveAfter = await probe(app, "/healthz");

      const unavailable = outcomes.filter((o) => o.status === 503);
      const others = outcomes.filter((o) => o.status !== 200 && o.status !== 503);
      console.log(
        `postgres restart: ${outcomes.length} writes, ${acked().length} acknowledged, ${unavailable.length} answered 503, ${others.length} other; ` +
          `stop took ${downAt - stoppingAt} ms, down ${startingAt - downAt} ms, start took ${upAt - startingAt} ms, ` +
          `first acknowledged write ${firstAckAfter - upAt} ms after Postgres was up; page during outage ${page.status}, after ${pageAfter.status}, action during outage ${action.status}; /readyz during outage ${readyDuring.status} in ${readyDuring.ms} ms, after ${readyAfter.status} in ${readyAfter.ms} ms`,
      );

      expect(others, "every write is acknowledged or answered 503").toEqual([]);
      expect(unavailable.length).toBeGreaterThan(0);
      for (const o of unavailable) {
        expect(o.retryAfter, "a 503 says when to retry").toMatch(/^\d+$/);
        expect(JSON.parse(o.detail!)).toEqual({ detail: "The database is unavailable; try again shortly." });
      }
      expect(page.status, "a page during the outage").toBe(503);
      expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(pageBody).toContain("The database is unavailable");
      expect(home.status, "the home page during the outage").toBe(503);
      expect(action.status, "a server action during the outage answers in its form").toBe(200);
      expect(actionBody).toContain("The database is unavailable; try again shortly.");
      expect(pageAfter.status, "a page after the restart").toBe(200);
      expect(app.process.exitCode, "the app was not restarted").toBeNull();

      // The probes: live throughout, ready only while the database answers.
      for (const live of [liveBefore, liveDuring, liveAfter]) expect(live).toMatchObject({ status: 200, retryAfter: null, body: { status: "ok" } });
      expect(readyBefore).toMatchObject({ status: 200, body: { status: "ready", migrations: { pending: 0 } } });
      expect(readyDuring, "/readyz while Postgres is down").toMatchObject({ status: 503, body: { status: "unavailable", reason: "unreachable" } });
      expect(readyDuring.retryAfter).toMatch(/^\d+$/);
      expect(readyAfter, "/readyz after the restart").toMatchObject({ status: 200, body: { status: "ready" } });

      // Every acknowledged write is in the database, read directly.
      const rows = (await adminQuery(`SELECT identifier, score FROM annotations WHERE name = 'restart-load'`, databaseUrl())) as { identifier: string; score: number }[];
      const stored = new Map(rows.map((row) => [row.identifier, row.score]));
      const lost = acked().filter((o) => !stored.has(o.identifier)).map((o) => o.identifier);
      expect(lost, "acknowledged writes missing after the restart").toEqual([]);
      for (const o of acked()) expect(stored.get(o.identifier)).toBe(Number(o.identifier.split("-")[1]));
    } finally {
      stopLoad = true;
      await Promise.all(load);
    }
  });

  it("answers 503 to the very first page of an outage that follows a quiet spell", async () => {
    const app = server!;
    expect((await fetch(`${app.url}/projects/default/traces`, { redirect: "manual" })).status).toBe(200);
    // Quiet for longer than pg's default idle timeout (10 s), after which a pool
    // that closes idle connections would have none left to notice the outage.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    await cluster!.stop();
    try {
      const page = await fetch(`${app.url}/projects/default/traces`, { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      expect(await page.text()).toContain("The database is unavailable");
      expect(page.status).toBe(503);
    } finally {
      await cluster!.start();
    }
    let status = 0;
    for (const deadline = Date.now() + WAIT_MS; status !== 200 && Date.now() < deadline; ) {
      status = (await fetch(`${app.url}/projects/default/traces`, { redirect: "manual" })).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status, "the page after the restart").toBe(200);
  });
});
