import { readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { createGzip } from "node:zlib";
import { noteIfDatabaseUnavailable } from "@/lib/db/outage";
import { attachPreReadBody } from "./handler";

// The lean path for the REST API (scripts/serve.ts): a request to /v1/* whose
// route file exports its method is answered by that very route handler,
// called the way Next calls it (a web Request, `{ params }`), without Next's
// per-request machinery (its router, request/response wrapping, header rules
// and compression around a few-millisecond handler). Everything else (pages,
// unknown paths, trailing slashes, HEAD/OPTIONS, which Next implements itself)
// still goes to Next, so those answers stay exactly Next's. Auth, errors, body
// limits and the Phoenix version header live in the handlers (lib/api/handler.ts);
// what Next adds around them, the header rules of next.config.mjs and gzip,
// is done here the same way.

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
type Params = Record<string, string>;
type RouteHandler = (request: Request, context: { params: Promise<Params> }) => Response | Promise<Response>;
type RouteModule = Partial<Record<Method, RouteHandler>>;

/** One route file: its path pattern as segments (`[name]` is a parameter) and its handlers. */
export type LeanRoute = { segments: string[]; handlers: RouteModule; file: string };

/** The route files under `appDir/<prefix>` (app router layout), in no particular order. */
export function findRouteFiles(appDir: string, prefix: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") found.push(full);
    }
  };
  walk(path.join(appDir, prefix));
  return found;
}

/** Imports each route file (under tsx, as the server runs); the URL segments come from its folder. */
export async function loadRoutes(appDir: string, files: string[]): Promise<LeanRoute[]> {
  return Promise.all(files.map(async (file) => {
    const relative = path.relative(appDir, path.dirname(file)).split(path.sep);
    // Route groups `(name)` and catch-alls are not used under /v1; refuse rather than mis-route.
    if (relative.some((s) => /^\(.*\)$|^\[\.\.\.|^\[\[/.test(s))) throw new Error(`${file}: route groups and catch-all segments are not supported by the lean path`);
    const handlers = (await import(pathToFileURL(file).href)) as RouteModule;
    return { segments: relative, handlers, file };
  }));
}

/**
 * Matches a request path against the routes: static segments before
 * parameters (as Next ranks them), parameters percent-decoded. Null for no
 * match, an undecodable parameter or a trailing slash (Next redirects that).
 */
export function matchRoute(routes: LeanRoute[], pathname: string): { route: LeanRoute; params: Params } | null {
  if (pathname.endsWith("/") || pathname.includes("//")) return null;
  const parts = pathname.split("/").slice(1);
  let best: { route: LeanRoute; params: Params; rank: string } | null = null;
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Params = {};
    let rank = "";
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const segment = route.segments[i];
      if (segment.startsWith("[") && segment.endsWith("]")) {
        try {
          params[segment.slice(1, -1)] = decodeURIComponent(parts[i]);
        } catch {
          return null; // Next answers these itself (a 400 or 404 page)
        }
        rank += "1";
      } else {
        ok = segment === parts[i];
        rank += "0";
      }
    }
    if (ok && (!best || rank < best.rank)) best = { route, params, rank };
  }
  return best && { route: best.route, params: best.params };
}

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

/**
 * The response headers next.config.mjs's `headers()` gives a path, applied in
 * order (a later rule's value replaces an earlier one's). Only the forms the
 * config uses are understood, `/exact` and `/prefix/:path*`; anything else
 * throws at start-up, so the two paths cannot drift apart silently.
 */
export function headerRules(rules: (HeaderRule & Record<string, unknown>)[]): (pathname: string) => [string, string][] {
  const compiled = rules.map((rule) => {
    const extra = Object.keys(rule).filter((k) => k !== "source" && k !== "headers");
    const wildcard = rule.source.endsWith("/:path*");
    const base = wildcard ? rule.source.slice(0, -"/:path*".length) : rule.source;
    if (extra.length || base.includes(":") || /[()*?+]/.test(base)) {
      throw new Error(`next.config.mjs header rule ${JSON.stringify(rule.source)} uses a form the lean API path does not understand`);
    }
    const matches = wildcard ? (p: string) => p === base || p.startsWith(`${base}/`) || base === "" : (p: string) => p === base;
    return { matches, headers: rule.headers.map((h) => [h.key, h.value] as [string, string]) };
  });
  return (pathname) => {
    const out = new Map<string, [string, string]>();
    for (const rule of compiled) {
      if (!rule.matches(pathname)) continue;
      for (const [key, value] of rule.headers) out.set(key.toLowerCase(), [key, value]);
    }
    return [...out.values()];
  };
}

// What Next's compression middleware (the `compression` package) gzips: text-like types, 1 KiB and up.
const COMPRESSIBLE = /^text\/|\+json\b|\+xml\b|^application\/(json|javascript|xml|x-ndjson)\b/i;
const COMPRESS_FROM_BYTES = 1024;

export type LeanApi = {
  /** Answers the request if the lean path serves it; false hands it to Next untouched. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  routeCount: number;
};

export function leanApi(routes: LeanRoute[], headersFor: (pathname: string) => [string, string][], prefix = "/v1/"): LeanApi {
  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? "/";
    if (!url.startsWith(prefix)) return false;
    const method = req.method as Method;
    if (!METHODS.includes(method)) return false;
    const query = url.indexOf("?");
    const pathname = query < 0 ? url : url.slice(0, query);
    const match = matchRoute(routes, pathname);
    const handler = match?.route.handlers[method];
    if (!match || !handler) return false;
    void serve(req, res, handler, match.params, pathname);
    return true;
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, handler: RouteHandler, params: Params, pathname: string) => {
    let response: Response;
    try {
      response = await handler(await toRequest(req), { params: Promise.resolve(params) });
    } catch (error) {
      // What Next does with a handler that throws: an empty 500, the error
      // logged and handed to instrumentation.ts's onRequestError.
      noteIfDatabaseUnavailable(error);
      console.error(error);
      response = new Response(null, { status: 500 });
    }
    try {
      await send(req, res, response, headersFor(pathname));
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy(error as Error);
    }
  };
  return { handle, routeCount: routes.length };
}

// Bodies up to this size, with a declared length, are read before the handler
// runs and handed over whole: a web stream per request costs more than the
// few hundred bytes of a single write. Larger or unsized ones stream, so the
// handlers' own limit (413) still stops a huge body early.
const PREREAD_MAX_BYTES = 64 * 1024;

async function toRequest(req: IncomingMessage): Promise<Request> {
  // From req.headers, as Next builds its request: repeats already joined, and
  // the peer-address header scripts/serve.ts wrote there replacing any client copy.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (value) for (const one of value) headers.append(name, one);
  }
  const url = `http://${req.headers.host ?? "localhost"}${req.url}`;
  if (req.method === "GET" || req.method === "HEAD") return new Request(url, { method: req.method, headers });
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared <= PREREAD_MAX_BYTES && !req.headers["transfer-encoding"]) {
    // Handed to readBody beside the request (every handler reads its body
    // through it): a Request built with a body sets up a web stream for it.
    const body = await readSmallBody(req);
    const request = new Request(url, { method: req.method, headers });
    attachPreReadBody(request, body);
    return request;
  }
  return new Request(url, { method: req.method, headers, body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } as RequestInit);
}

function readSmallBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response, extra: [string, string][]): Promise<void> {
  // next.config.mjs's headers first; the handler's own win (Next applies them the same way round).
  for (const [key, value] of extra) res.setHeader(key, value);
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.statusCode = response.status;
  if (!response.body || req.method === "HEAD") {
    res.end();
    return;
  }
  const type = response.headers.get("content-type") ?? "";
  const cacheControl = response.headers.get("cache-control") ?? "";
  const wantsGzip = /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? ""));
  const mayCompress = wantsGzip && COMPRESSIBLE.test(type) && !/\bno-transform\b/i.test(cacheControl) && !response.headers.has("content-encoding");
  const declared = response.headers.get("content-length");
  const small = /\bno-transform\b/i.test(cacheControl) || (declared !== null && Number(declared) < COMPRESS_FROM_BYTES);
  if (small) {
    // Every single write's answer: in one piece, sized, no stream set up.
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader("content-length", body.byteLength);
    res.end(body);
    return;
  }
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
  if (!mayCompress) {
    await pipeline(body, res);
    return;
  }
  res.setHeader("content-encoding", "gzip");
  res.removeHeader("content-length");
  res.appendHeader("vary", "Accept-Encoding");
  await pipeline(body, createGzip(), res);
}
