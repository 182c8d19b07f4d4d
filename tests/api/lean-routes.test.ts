import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, PHOENIX_SERVER_VERSION } from "@/lib/api/handler";
import { findRouteFiles, headerRules, leanApi, loadRoutes, matchRoute, type LeanRoute } from "@/lib/api/lean-routes";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld } from "./api-fixtures";

useTestDatabase();

// The lean /v1/* path of scripts/serve.ts: the real route files, served by a
// plain node:http server the way serve.ts wires them (what it does not take
// goes to a stand-in for Next that answers 599).
const appDir = path.resolve("app");
let server: Server;
let base = "";
let routes: LeanRoute[];
type Rules = Parameters<typeof headerRules>[0];
const configRules = async () =>
  ((await import(pathToFileURL(path.resolve("next.config.mjs")).href)) as { default: { headers(): Promise<Rules> } }).default.headers();

beforeAll(async () => {
  routes = await loadRoutes(appDir, findRouteFiles(appDir, "v1"));
  const headersFor = headerRules(await configRules());
  const lean = leanApi(routes, headersFor);
  server = createServer((req, res) => {
    if (!lean.handle(req, res)) res.writeHead(599).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("matching a path to a route file", () => {
  it("prefers static segments to parameters, as Next does", () => {
    expect(matchRoute(routes, "/v1/sessions/delete")?.route.segments).toEqual(["v1", "sessions", "delete"]);
    expect(matchRoute(routes, "/v1/sessions/s-1")?.params).toEqual({ session: "s-1" });
  });
  it("decodes parameters, and leaves trailing slashes and broken escapes to Next", () => {
    expect(matchRoute(routes, "/v1/projects/a%20b/spans")?.params).toEqual({ project: "a b" });
    expect(matchRoute(routes, "/v1/projects/")).toBeNull();
    expect(matchRoute(routes, "/v1/projects/%E0/spans")).toBeNull();
    expect(matchRoute(routes, "/v1/nothing-here")).toBeNull();
  });
});

describe("next.config.mjs header rules", () => {
  it("give the API the security headers and the Phoenix version", async () => {
    const headersFor = headerRules(await configRules());
    const headers = Object.fromEntries(headersFor("/v1/span_annotations").map(([k, v]) => [k.toLowerCase(), v]));
    expect(headers).toMatchObject({
      "x-phoenix-server-version": PHOENIX_SERVER_VERSION, "x-content-type-options": "nosniff", "x-frame-options": "DENY",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    });
  });
  it("refuse a rule form the lean path cannot apply the way Next would", () => {
    expect(() => headerRules([{ source: "/v1/:id(\\d+)", headers: [] }])).toThrow(/does not understand/);
    expect(() => headerRules([{ source: "/v1/:path*", headers: [], has: [{ type: "header", key: "x" }] }])).toThrow(/does not understand/);
  });
});

describe("the lean path", () => {
  const post = (route: string, key: string | null, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${route}`, { method: "POST", headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers }, body });

  it("writes an annotation through the route handler, with Next's headers", async () => {
    const w = await apiWorld();
    const body = JSON.stringify({ data: [{ span_id: w.root.spanId, name: "lean", annotator_kind: "CODE", result: { score: 1 } }] });
    const response = await post("/v1/span_annotations?sync=true", w.reviewer.key, body);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-phoenix-server-version")).toBe(PHOENIX_SERVER_VERSION);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-length")).toBe(String((await response.clone().arrayBuffer()).byteLength));
    expect((await response.json()).data).toHaveLength(1);
  });

  it("answers the same errors: 401 without a key, 413 past the body limit, 422 naming the field", async () => {
    const w = await apiWorld();
    const unauthorized = await post("/v1/span_annotations", null, "{}");
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("x-phoenix-server-version")).toBe(PHOENIX_SERVER_VERSION);
    const tooLarge = await post("/v1/span_annotations", w.reviewer.key, "x".repeat(MAX_BODY_BYTES + 1));
    expect(tooLarge.status).toBe(413);
    const invalid = await post("/v1/span_annotations", w.reviewer.key, JSON.stringify({ data: [{ name: "x" }] }));
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).detail).toMatch(/data\.0\./);
  });

  it("gzips larger answers for clients that accept it, as Next's compression does", async () => {
    const w = await apiWorld();
    const response = await fetch(`${base}/v1/projects/default/spans?limit=100`, {
      headers: { authorization: `Bearer ${w.reviewer.key}`, "accept-encoding": "gzip" },
    });
    expect(response.status).toBe(200);
    // fetch decodes gzip itself: the header says it was sent compressed.
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect((await response.json()).data.length).toBeGreaterThan(0);
  });

  it("hands Next what Next answers itself: other prefixes, unknown paths, unexported methods, HEAD", async () => {
    expect((await fetch(`${base}/arize_phoenix_version`)).status).toBe(599);
    expect((await fetch(`${base}/v1/nothing-here`)).status).toBe(599);
    expect((await fetch(`${base}/v1/span_annotations`)).status).toBe(599); // POST only
    expect((await fetch(`${base}/v1/projects`, { method: "HEAD" })).status).toBe(599);
    expect((await fetch(`${base}/v1/projects/`)).status).toBe(599);
  });
});
