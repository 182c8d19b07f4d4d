import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { POST as postSpans } from "@/app/v1/span_annotations/route";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { keyCacheListening } from "@/lib/auth/key-cache";
import { sha256 } from "@/lib/auth/secrets";
import { databaseConfig } from "@/lib/db/config";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

useTestDatabase();

const writer = (w: Awaited<ReturnType<typeof apiWorld>>, key: string) => () =>
  call(postSpans, { path: "/v1/span_annotations", key, body: {
    data: [{ span_id: w.root.spanId, name: "q", annotator_kind: "HUMAN", result: { label: "x" } }],
  } });

// actorForApiKey remembers valid keys for a few seconds (one lookup less per
// request); revoking must still take effect on the very next request.
describe("recently used API keys", () => {
  it("stop working as soon as they are revoked", async () => {
    const w = await apiWorld();
    const { secret, key } = await createApiKey(w.reviewer.actor, { name: "short-lived" });
    const write = writer(w, secret);
    expect((await write()).status).toBe(200);
    expect((await write()).status).toBe(200);
    await revokeApiKey(w.reviewer.actor, key.id);
    expect((await write()).status).toBe(401);
  });
});

// Another app process on the same Postgres changes a key or a user: this
// process hears of it (NOTIFY from a trigger on the change) and drops its cache.
// A plain connection of the test's own plays the other process: this
// process's code never runs for the change.
describe.skipIf(databaseConfig().kind !== "postgres")("API keys changed by another process", () => {
  async function elsewhere(sql: string, params: unknown[] = []) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
  // Polls until `done`; the brief allows a second for the news to arrive.
  async function within(ms: number, done: () => Promise<boolean>): Promise<boolean> {
    const deadline = Date.now() + ms;
    do if (await done()) return true;
    while (Date.now() < deadline);
    return false;
  }

  it("stop working within a second of a revocation made elsewhere", async () => {
    const w = await apiWorld();
    const write = writer(w, w.reviewer.key);
    expect((await write()).status).toBe(200);
    await vi.waitFor(() => expect(keyCacheListening()).toBe(true));
    expect((await write()).status).toBe(200); // now cached
    await elsewhere("UPDATE api_keys SET revoked_at = now() WHERE key_hash = $1", [sha256(w.reviewer.key)]);
    expect(await within(1_000, async () => (await write()).status === 401)).toBe(true);
  });

  it("act with the new role within a second of a role change made elsewhere", async () => {
    const w = await apiWorld();
    const write = writer(w, w.reviewer.key);
    expect((await write()).status).toBe(200);
    await vi.waitFor(() => expect(keyCacheListening()).toBe(true));
    expect((await write()).status).toBe(200);
    await elsewhere(`UPDATE users SET role = 'VIEWER' WHERE id = $1::uuid`, [w.reviewer.actor.userId]);
    expect(await within(1_000, async () => (await write()).status === 403)).toBe(true);
  });

  it("keep hearing of changes after the listening connection is cut", async () => {
    const w = await apiWorld();
    const write = writer(w, w.reviewer.key);
    expect((await write()).status).toBe(200);
    await vi.waitFor(() => expect(keyCacheListening()).toBe(true));
    const listeners = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN marginalia_auth%'";
    const cut = (await elsewhere(`SELECT pid, pg_terminate_backend(pid) FROM (${listeners}) l`)).map((row) => row.pid);
    expect(cut.length).toBeGreaterThan(0);
    // A new connection listens again (a few hundred ms later).
    await vi.waitFor(async () => {
      const now = (await elsewhere(listeners)).map((row) => row.pid);
      expect(now.some((pid) => !cut.includes(pid)) && keyCacheListening()).toBe(true);
    }, { timeout: 10_000, interval: 100 });
    expect((await write()).status).toBe(200);
    expect((await write()).status).toBe(200); // cached again
    await elsewhere("UPDATE api_keys SET revoked_at = now() WHERE key_hash = $1", [sha256(w.reviewer.key)]);
    expect(await within(1_000, async () => (await write()).status === 401)).toBe(true);
  });
});
