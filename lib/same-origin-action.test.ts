import { describe, expect, it } from "vitest";
import { isForeignOrigin, isServerActionRequest } from "./same-origin-action";
import { contentSecurityPolicy, newNonce } from "./security-headers";

const headers = (values: Record<string, string>) => new Headers(values);

describe("server actions from another site", () => {
  it("are POSTs with a Next-Action header", () => {
    expect(isServerActionRequest("POST", headers({ "next-action": "abc" }))).toBe(true);
    expect(isServerActionRequest("POST", headers({}))).toBe(false);
    expect(isServerActionRequest("GET", headers({ "next-action": "abc" }))).toBe(false);
  });

  it.each([
    ["same host", { host: "127.0.0.1:6006", origin: "http://127.0.0.1:6006" }, false],
    ["same host, other case", { host: "Review.Example", origin: "https://review.example" }, false],
    ["behind a proxy", { host: "127.0.0.1:6006", "x-forwarded-host": "review.example", origin: "https://review.example" }, false],
    ["no Origin, same-site Referer", { host: "127.0.0.1:6006", referer: "http://127.0.0.1:6006/login" }, false],
    ["neither Origin nor Referer", { host: "127.0.0.1:6006" }, false],
    ["another host", { host: "127.0.0.1:6006", origin: "http://evil.example" }, true],
    ["another port", { host: "127.0.0.1:6006", origin: "http://127.0.0.1:6007" }, true],
    ["a look-alike host", { host: "review.example", origin: "https://review.example.evil.example" }, true],
    ["Origin null (sandboxed frame)", { host: "127.0.0.1:6006", origin: "null" }, true],
    ["no Origin, foreign Referer", { host: "127.0.0.1:6006", referer: "http://evil.example/page" }, true],
    ["Origin wins over Referer", { host: "127.0.0.1:6006", origin: "http://evil.example", referer: "http://127.0.0.1:6006/" }, true],
    ["no Host to compare with", { origin: "http://127.0.0.1:6006" }, true],
  ])("%s", (_, values, foreign) => {
    expect(isForeignOrigin(headers(values))).toBe(foreign);
  });
});

describe("the pages' Content-Security-Policy", () => {
  it("runs scripts by nonce only, forbids framing, plugins and foreign forms", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce, false);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(contentSecurityPolicy(nonce, true)).toMatch(/script-src[^;]*'unsafe-eval'/); // next dev only
  });

  it("takes a fresh nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
