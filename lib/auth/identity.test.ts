import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/setup/database";
import { actorForApiKey, createApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import type { Actor } from "./permissions";
import { sha256 } from "./secrets";
import { actorForSessionToken, actorForUser, BAD_CREDENTIALS, signIn } from "./sessions";
import { changeOwnPassword, changeRole, createFirstAdmin, createUser, listUsers, setUserActive } from "./users";

const db = useTestDatabase();
const client = () => ({ address: `test-${Math.random()}` });
const password = "correct horse battery";

async function setUp() {
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@test.dev", password }));
  const make = async (role: Actor["role"], email: string) =>
    actorForUser(await createUser(admin, { name: role, email, password, role }));
  return { admin, lead: await make("LEAD", "lead@test.dev"), reviewer: await make("REVIEWER", "rev@test.dev"), viewer: await make("VIEWER", "view@test.dev") };
}

describe("users", () => {
  it("lets only the first visitor become admin", async () => {
    const admin = await createFirstAdmin({ name: "First", email: "First@Test.dev", password });
    expect(admin).toMatchObject({ role: "ADMIN", email: "first@test.dev" });
    await expect(createFirstAdmin({ name: "Second", email: "second@test.dev", password })).rejects.toThrow(ConflictError);
  });

  it("stores a salted scrypt hash, never the password", async () => {
    await createFirstAdmin({ name: "A", email: "a@test.dev", password });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: "a@test.dev" } });
    expect(passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(passwordHash).not.toContain(password);
  });

  it("lets only admins manage users", async () => {
    const { admin, lead, reviewer, viewer } = await setUp();
    expect((await listUsers(admin)).length).toBe(4);
    for (const actor of [lead, reviewer, viewer]) {
      await expect(createUser(actor, { name: "x", email: "x@test.dev", password })).rejects.toThrow(ForbiddenError);
      await expect(changeRole(actor, reviewer.userId!, "ADMIN")).rejects.toThrow(ForbiddenError);
    }
    expect(await changeRole(admin, reviewer.userId!, "LEAD")).toMatchObject({ role: "LEAD" });
  });

  it("keeps at least one active admin", async () => {
    const { admin } = await setUp();
    await expect(changeRole(admin, admin.userId!, "VIEWER")).rejects.toThrow(/at least one active admin/);
    await expect(setUserActive(admin, admin.userId!, false)).rejects.toThrow(/at least one active admin/);
  });
});

describe("sign-in", () => {
  it("gives the same answer for an unknown email and a wrong password", async () => {
    await setUp();
    const unknown = await signIn("nobody@test.dev", password, client()).catch((e) => e);
    const wrong = await signIn("rev@test.dev", "wrong password!", client()).catch((e) => e);
    expect(unknown).toBeInstanceOf(UnauthorizedError);
    expect(unknown.message).toBe(BAD_CREDENTIALS);
    expect(wrong.message).toBe(BAD_CREDENTIALS);
  });

  it("opens a session whose token resolves to the user, stored only as a hash", async () => {
    const { reviewer } = await setUp();
    const { token } = await signIn(" REV@test.dev ", password, client());
    expect(await actorForSessionToken(token)).toMatchObject({ userId: reviewer.userId, role: "REVIEWER", identifier: `px-app:${reviewer.userId}` });
    expect(await db.authSession.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.authSession.count({ where: { tokenHash: sha256(token) } })).toBe(1);
  });

  it("rate limits repeated failures for an email from one address, even with the right password after", async () => {
    await setUp();
    const attacker = client();
    for (let i = 0; i < 5; i++) await signIn("lead@test.dev", "nope nope nope", attacker).catch(() => {});
    await expect(signIn("lead@test.dev", password, attacker)).rejects.toThrow(/Too many failed attempts/);
  });

  it("refuses a deactivated user and ends their sessions", async () => {
    const { admin, viewer } = await setUp();
    const { token } = await signIn("view@test.dev", password, client());
    await setUserActive(admin, viewer.userId!, false);
    expect(await actorForSessionToken(token)).toBeNull();
    await expect(signIn("view@test.dev", password, client())).rejects.toThrow(BAD_CREDENTIALS);
  });

  it("changes one's own password only with the current one", async () => {
    const { reviewer } = await setUp();
    await expect(changeOwnPassword(reviewer, "bad", "a new password")).rejects.toThrow(/Current password is wrong/);
    await changeOwnPassword(reviewer, password, "a new password");
    await expect(signIn("rev@test.dev", "a new password", client())).resolves.toHaveProperty("token");
  });
});

describe("API keys", () => {
  it("acts as its owner, stores only a hash, and records last use", async () => {
    const { reviewer } = await setUp();
    const { secret, key } = await createApiKey(reviewer, { name: "script" });
    expect(secret).toMatch(/^mg_/);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(stored.keyHash).toBe(sha256(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.lastUsedAt).toBeNull();
    expect(await actorForApiKey(secret)).toMatchObject({ userId: reviewer.userId, role: "REVIEWER" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses a revoked key, a key of a deactivated user, and an unknown key", async () => {
    const { admin, reviewer, lead } = await setUp();
    const revoked = await createApiKey(reviewer, { name: "old" });
    await revokeApiKey(reviewer, revoked.key.id);
    expect(await actorForApiKey(revoked.secret)).toBeNull();
    const leadKey = await createApiKey(lead, { name: "lead" });
    expect(await actorForApiKey(leadKey.secret)).toMatchObject({ role: "LEAD" }); // now cached
    await setUserActive(admin, lead.userId!, false);
    expect(await actorForApiKey(leadKey.secret)).toBeNull();
    expect(await actorForApiKey("mg_unknown")).toBeNull();
  });

  it("keeps keys private to their owner; admins make system keys and see all", async () => {
    const { admin, reviewer, lead, viewer } = await setUp();
    const mine = await createApiKey(reviewer, { name: "mine" });
    await expect(revokeApiKey(lead, mine.key.id)).rejects.toThrow(/does not exist/);
    expect(await listApiKeys(lead)).toHaveLength(0);
    await expect(createApiKey(lead, { name: "sys", system: true })).rejects.toThrow(ForbiddenError);
    await expect(createApiKey(viewer, { name: "v" })).rejects.toThrow(ForbiddenError);
    const system = await createApiKey(admin, { name: "evaluator", system: true, role: "REVIEWER" });
    expect(await actorForApiKey(system.secret)).toMatchObject({ kind: "system-key", userId: null, role: "REVIEWER" });
    expect(await listApiKeys(admin)).toHaveLength(2);
  });
});
