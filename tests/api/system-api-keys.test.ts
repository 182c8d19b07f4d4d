import { afterEach, describe, expect, it, vi } from "vitest";
import { DELETE as deleteKey } from "@/app/v1/system/api_keys/[key]/route";
import { GET as listKeys, POST as postKey } from "@/app/v1/system/api_keys/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

const db = useTestDatabase();
afterEach(() => vi.unstubAllEnvs());

const globalId = (id: string) => Buffer.from(`SystemApiKey:${id}`).toString("base64");

// Phoenix's /v1/system/api_keys over our keys without an owner: admins only,
// GlobalIDs of type SystemApiKey, the secret shown once, revoked keys gone.
async function world() {
  const w = await apiWorld();
  const adminKey = (await createApiKey(w.admin, { name: "admin key" })).secret;
  const ingest = await createApiKey(w.admin, { name: "ingest bot", system: true, role: "REVIEWER" });
  return { ...w, adminKey, ingest };
}

describe("GET /v1/system/api_keys", () => {
  it("lists the system keys in force for an admin, without secrets; user keys and revoked keys are not listed", async () => {
    const w = await world();
    const response = await call(listKeys, { path: "/v1/system/api_keys", key: w.adminKey });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toHaveLength(2); // "viewer" (apiWorld's) and "ingest bot"
    expect(body.data).toContainEqual({
      id: globalId(w.ingest.key.id), name: "ingest bot", description: null,
      created_at: w.ingest.key.createdAt.toISOString(), expires_at: null,
    });
    expect(JSON.stringify(body)).not.toContain(w.ingest.secret.slice(3));
  });

  it("refuses leads, reviewers and viewers", async () => {
    const w = await world();
    for (const key of [w.lead.key, w.reviewer.key, w.viewer.key]) {
      expect((await call(listKeys, { path: "/v1/system/api_keys", key })).status).toBe(403);
    }
  });
});

describe("POST /v1/system/api_keys", () => {
  it("refuses any API key, an admin's too: API keys cannot mint keys", async () => {
    const w = await world();
    const before = await db.apiKey.count();
    const byAdmin = await call(postKey, { path: "/v1/system/api_keys", key: w.adminKey, body: { data: { name: "minted" } } });
    expect(byAdmin.status).toBe(403);
    expect(await byAdmin.text()).toBe("API keys cannot mint keys: an admin creates system keys in Settings → API keys.");
    const byLead = await call(postKey, { path: "/v1/system/api_keys", key: w.lead.key, body: { data: { name: "minted" } } });
    expect(byLead.status).toBe(403);
    expect(await db.apiKey.count()).toBe(before);
  });

  it("creates an admin system key with auth disabled (the local admin): 201, the key once, and it works", async () => {
    vi.stubEnv("AUTH_DISABLED", "1");
    const response = await call(postKey, { path: "/v1/system/api_keys", body: { data: { name: "ci", description: "for CI", expires_at: null } } });
    expect(response.status).toBe(201);
    const { data } = await response.json();
    expect(data).toEqual({ id: expect.any(String), name: "ci", description: null, created_at: expect.any(String), expires_at: null, key: expect.stringMatching(/^mg_/) });
    const row = await db.apiKey.findFirstOrThrow({ where: { name: "ci" }, select: { id: true, userId: true, role: true } });
    expect(row).toMatchObject({ userId: null, role: "ADMIN" });
    expect(data.id).toBe(globalId(row.id));

    const expiring = await call(postKey, { path: "/v1/system/api_keys", body: { data: { name: "later", expires_at: "2027-01-01T00:00:00Z" } } });
    expect(expiring.status).toBe(422);
    expect((await expiring.json()).detail).toBe("Invalid request: data.expires_at is not supported: keys do not expire here, revoke the key instead");

    vi.unstubAllEnvs();
    const listed = await call(listKeys, { path: "/v1/system/api_keys", key: data.key });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).not.toContain(data.key);
    expect(await db.apiKey.count({ where: { name: "later" } })).toBe(0);
  });
});

describe("DELETE /v1/system/api_keys/{id}", () => {
  it("revokes by GlobalID: 204, the key stops working at once, and it leaves the list", async () => {
    const w = await world();
    const path = `/v1/system/api_keys/${globalId(w.ingest.key.id)}`;
    expect((await call(listKeys, { path: "/v1/system/api_keys", key: w.ingest.secret })).status).toBe(403); // works (a reviewer key)
    const response = await call(deleteKey, { method: "DELETE", path, key: w.adminKey, params: { key: globalId(w.ingest.key.id) } });
    expect(response.status).toBe(204);
    expect((await call(listKeys, { path: "/v1/system/api_keys", key: w.ingest.secret })).status).toBe(401);
    const listed = await (await call(listKeys, { path: "/v1/system/api_keys", key: w.adminKey })).json();
    expect(listed.data.map((k: { name: string }) => k.name)).toEqual(["viewer"]);
    const again = await call(deleteKey, { method: "DELETE", path, key: w.adminKey, params: { key: globalId(w.ingest.key.id) } });
    expect(again.status).toBe(404);
  });

  it("answers 404 for a user's key (not a system key) and leaves it working; 422 for a malformed id; 403 for a lead", async () => {
    const w = await world();
    const userKey = await db.apiKey.findFirstOrThrow({ where: { name: "LEAD key" }, select: { id: true } });
    const del = (id: string, key = w.adminKey) => call(deleteKey, { method: "DELETE", path: `/v1/system/api_keys/${id}`, key, params: { key: id } });
    const notSystem = await del(globalId(userKey.id));
    expect(notSystem.status).toBe(404);
    expect((await notSystem.json()).detail).toBe(`System API key ${userKey.id} does not exist.`);
    const malformed = await del(Buffer.from("UserApiKey:1").toString("base64"));
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).detail).toMatch(/^Invalid request: api_key_id ".*" is not a SystemApiKey GlobalID\.$/);
    expect((await del(globalId(w.ingest.key.id), w.lead.key)).status).toBe(403);
    expect(await db.apiKey.count({ where: { revokedAt: { not: null } } })).toBe(1); // apiWorld's revoked one only
  });
});
