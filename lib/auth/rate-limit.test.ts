import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as listProjects } from "@/app/v1/projects/route";
import { apiWorld, call } from "@/tests/api/api-fixtures";
import { useTestDatabase } from "@/tests/setup/database";
import { signInBackoffMs } from "./rate-limit";
import { BAD_CREDENTIALS, signIn } from "./sessions";
import { createFirstAdmin, createUser } from "./users";

useTestDatabase();
afterEach(() => vi.unstubAllEnvs());

// What scripts/serve.ts adds to every request: the socket's peer address.
const fromSocket = (address: string, extra: Record<string, string> = {}) => ({ "x-marginalia-client-address": address, ...extra });
const bogusKey = (i: number) => `mg_bogus_${i}_${"x".repeat(30)}`;
const projects = (key: string, headers: Record<string, string>) => call(listProjects, { path: "/v1/projects", key, headers });

describe("bad API key limit", () => {
  it("keys on the socket address, and on X-Forwarded-For only with TRUST_PROXY=1", async () => {
    await apiWorld();
    // A client rotating X-Forwarded-For is still one client.
    for (let i = 0; i < 20; i++) {
      expect((await projects(bogusKey(i), fromSocket("198.51.100.1", { "x-forwarded-for": `10.0.0.${i}` }))).status).toBe(401);
    }
    const limited = await projects(bogusKey(20), fromSocket("198.51.100.1", { "x-forwarded-for": "10.0.0.99" }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    // Behind a proxy you run, the address that proxy appended is the client.
    vi.stubEnv("TRUST_PROXY", "1");
    const proxy = (client: string) => fromSocket("127.0.0.1", { "x-forwarded-for": `6.6.6.6, ${client}` });
    for (let i = 0; i < 20; i++) expect((await projects(bogusKey(i), proxy("203.0.113.7"))).status).toBe(401);
    expect((await projects(bogusKey(20), proxy("203.0.113.7"))).status).toBe(429);
    expect((await projects(bogusKey(21), proxy("203.0.113.8"))).status).toBe(401);
  });

  it("never refuses a valid key because of bad keys from the same address", async () => {
    const w = await apiWorld();
    for (let i = 0; i < 25; i++) await projects(bogusKey(i), fromSocket("198.51.100.2"));
    expect((await projects(w.reviewer.key, fromSocket("198.51.100.2"))).status).toBe(200);
    expect((await projects(w.lead.key, fromSocket("198.51.100.2"))).status).toBe(200);
    expect((await projects(bogusKey(99), fromSocket("198.51.100.2"))).status).toBe(429);
  });
});

describe("sign-in limits", () => {
  const password = "correct horse battery";
  const setUp = async () => {
    const admin = await createFirstAdmin({ name: "Admin", email: "admin@limits.dev", password });
    await createUser({ kind: "user", userId: admin.id, name: "Admin", email: admin.email, role: "ADMIN", identifier: "" }, {
      name: "Real user", email: "real@limits.dev", password, role: "REVIEWER",
    });
  };
  const outcome = (attempt: Promise<unknown>) =>
    attempt.then(() => "signed in", (error: Error) => (/Too many failed attempts/.test(error.message) ? "limited" : error.message));

  it("locks out an (email, address) pair, but an attacker on other addresses cannot lock the real user out", async () => {
    await setUp();
    const attacker = { address: "203.0.113.66" };
    for (let i = 0; i < 5; i++) expect(await outcome(signIn("real@limits.dev", `guess ${i}`, attacker))).toBe(BAD_CREDENTIALS);
    expect(await outcome(signIn("real@limits.dev", password, attacker))).toBe("limited");
    // More failures from more addresses: the email is now guessed slowly (back-off), never locked.
    for (let i = 0; i < 3; i++) {
      expect(await outcome(signIn("real@limits.dev", `guess ${i}`, { address: `203.0.113.${100 + i}` }))).toBe(BAD_CREDENTIALS);
    }
    expect(await outcome(signIn("REAL@limits.dev", password, { address: "192.0.2.10" }))).toBe("signed in");
  });

  it("counts parallel guesses like sequential ones: at most 5 get a password check", async () => {
    await setUp();
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => outcome(signIn("real@limits.dev", `parallel ${i}`, { address: "203.0.113.77" }))),
    );
    expect(attempts.filter((a) => a === BAD_CREDENTIALS)).toHaveLength(5);
    expect(attempts.filter((a) => a === "limited")).toHaveLength(5);
  });

  it("backs off per email a little more with each failure, up to a few seconds", () => {
    expect([0, 4, 5, 6, 7, 8, 9, 50].map(signInBackoffMs)).toEqual([0, 0, 250, 500, 1000, 2000, 3000, 3000]);
  });
});
