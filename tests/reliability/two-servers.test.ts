import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import { adminQuery, createDatabase, hasPostgres, migrate, startServer, type AppServer } from "./servers";

// Two app processes on one Postgres database behave as one: a key revoked or
// a role changed reaches both within a second, and failed key lookups count
// on both. The changes are made with plain SQL from this test process, so
// neither server's own code runs for them: what each server hears comes from
// the database (a trigger's NOTIFY), as it would for a change made by the
// other server, a script or psql. (Revoking through server A would mean
// driving its settings page's server action; it ends in the same UPDATE.)
describe.skipIf(!hasPostgres)("two servers on one database", () => {
  const stops: (() => Promise<void>)[] = [];
  let url = "";
  let a: AppServer;
  let b: AppServer;
  const keys = { revoked: newSecret("mg_"), demoted: newSecret("mg_"), bystander: newSecret("mg_") };
  const users = { reviewer: randomUUID(), lead: randomUUID() };

  beforeAll(async () => {
    const db = await createDatabase("two_servers");
    stops.push(db.drop);
    url = db.url;
    await migrate({ DATABASE_URL: url });
    await sql(`INSERT INTO users (id, email, name, role, updated_at) VALUES
      ('${users.reviewer}', 'rev@two.dev', 'Reviewer', 'REVIEWER', now()), ('${users.lead}', 'lead@two.dev', 'Lead', 'LEAD', now())`);
    const key = (secret: string, owner: string) =>
      `(gen_random_uuid(), 'k', '${secret.slice(0, 10)}', '${sha256(secret)}', '${owner}', 'REVIEWER', '${owner}')`;
    await sql(`INSERT INTO api_keys (id, name, prefix, key_hash, user_id, role, created_by_id) VALUES
      ${key(keys.revoked, users.reviewer)}, ${key(keys.demoted, users.reviewer)}, ${key(keys.bystander, users.lead)}`);
    [a, b] = await Promise.all([startServer({ DATABASE_URL: url, SEED_DEMO: "0" }), startServer({ DATABASE_URL: url, SEED_DEMO: "0" })]);
    stops.push(a.stop, b.stop);
  });
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  const sql = (text: string) => adminQuery(text, url);
  const get = (server: AppServer, key: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/v1/projects`, { headers: { authorization: `Bearer ${key}`, ...headers } }).then((r) => r.status);
  const annotate = (server: AppServer, key: string) =>
    fetch(`${server.url}/v1/span_annotations`, {
      method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ data: [] }),
    }).then((r) => r.status);
  // Polls both servers until each gives `status`; returns how long the slower took (ms), or null past 1 s.
  async function refusedWithin(check: (server: AppServer) => Promise<number>, status: number): Promise<number | null> {
    const started = Date.now();
    const pending = new Set([a, b]);
    while (pending.size > 0 && Date.now() - started <= 1_000) {
      const answers = await Promise.all([...pending].map(async (server) => [server, await check(server)] as const));
      for (const [server, answer] of answers) if (answer === status) pending.delete(server);
    }
    return pending.size === 0 ? Date.now() - started : null;
  }
  async function warm(check: (server: AppServer) => Promise<number>, status: number) {
    for (let i = 0; i < 3; i++) for (const server of [a, b]) expect(await check(server)).toBe(status);
  }

  it("refuses a key on both servers within a second of its revocation", async () => {
    await warm((s) => get(s, keys.revoked), 200);
    await sql(`UPDATE api_keys SET revoked_at = now() WHERE key_hash = '${sha256(keys.revoked)}'`);
    const took = await refusedWithin((s) => get(s, keys.revoked), 401);
    console.log(`revocation reached both servers in ${took} ms`);
    expect(took).not.toBeNull();
  });

  it("applies a role change on both servers within a second", async () => {
    await warm((s) => annotate(s, keys.demoted), 200);
    await sql(`UPDATE users SET role = 'VIEWER' WHERE id = '${users.reviewer}'`);
    const took = await refusedWithin((s) => annotate(s, keys.demoted), 403);
    console.log(`role change reached both servers in ${took} ms`);
    expect(took).not.toBeNull();
    expect(await get(b, keys.demoted)).toBe(200); // a viewer still reads
  });

  it("counts bad keys on both servers, by socket address, never refusing a valid key", async () => {
    await sql("DELETE FROM rate_limits"); // the polls above failed with revoked keys from this address
    // Rotating the headers a client controls does not make it a new client.
    for (let i = 0; i < 20; i++) {
      const spoof = { "x-forwarded-for": `10.1.0.${i}`, "x-real-ip": `10.2.0.${i}`, "x-marginalia-client-address": `10.3.0.${i}` };
      expect(await get(a, `mg_bogus_${i}`, spoof)).toBe(401);
    }
    expect(await get(b, "mg_bogus_b")).toBe(429);
    expect(await get(a, "mg_bogus_a", { "x-forwarded-for": "10.9.9.9" })).toBe(429);
    expect(await get(b, keys.bystander)).toBe(200);
    expect(await get(a, keys.bystander)).toBe(200);
  });
});
