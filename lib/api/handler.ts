import { z } from "zod";
import { actorFromRequest } from "@/lib/auth/request-actor";
import type { Actor } from "@/lib/auth/permissions";
import { RateLimitedError } from "@/lib/auth/sessions";
import { noteIfDatabaseUnavailable } from "@/lib/db/outage";
import { DATABASE_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { DomainError, UnprocessableError } from "@/lib/errors";
import { describeJsonProblem, findJsonProblem, unstorableReason } from "./storable-text";
import { wireMessage } from "./wire-errors";

// Every REST route goes through apiRoute: it authenticates, maps domain errors
// to one JSON envelope with the right status, and stamps the Phoenix version
// header that Phoenix clients check.
export const PHOENIX_SERVER_VERSION = "20.3.0";
export const MAX_BODY_BYTES = 20 * 1024 * 1024;
// No request body of ours nests deeper than a few levels, metadata included (its own cap is 32).
export const MAX_JSON_DEPTH = 64;

export class PayloadTooLargeError extends DomainError {
  constructor(limit = MAX_BODY_BYTES) {
    super(`Request body is larger than ${Math.round(limit / 1024 / 1024)} MiB.`, 413);
  }
}

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (request: Request, actor: Actor, params: P) => Promise<Response>;

export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await actorFromRequest(request);
      const params = await context.params;
      refuseUnstorableUrl(request, params);
      return withVersion(await handler(request, actor, params));
    } catch (error) {
      return withVersion(errorResponse(error));
    }
  };
}

// Path and query parameters reach SQL as text: a NUL (`%00`) there was a 500.
// Checked for every route here, before any handler looks anything up.
function refuseUnstorableUrl(request: Request, params: unknown): void {
  const values: [string, unknown][] = [...Object.entries(params ?? {}), ...new URL(request.url).searchParams];
  for (const [name, value] of values) {
    const reason = unstorableReason(name) ?? (typeof value === "string" ? unstorableReason(value) : null);
    if (reason) {
      const field = unstorableReason(name) ? JSON.stringify(name) : name;
      throw new UnprocessableError(`Invalid request: ${field} ${reason}`, { [field]: [reason] });
    }
  }
}

export function withVersion(response: Response): Response {
  response.headers.set("x-phoenix-server-version", PHOENIX_SERVER_VERSION);
  return response;
}

export function errorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) return errorResponse(validationError(error));
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitedError) headers["retry-after"] = String(error.retryAfterSeconds);
    // Phoenix answers 401/403 as plain text; its clients only read the status.
    if (error.status === 401 || error.status === 403) {
      return new Response(error.message, { status: error.status, headers: { ...headers, "content-type": "text/plain" } });
    }
    return Response.json({ detail: error.message, errors: error.fieldErrors }, { status: error.status, headers });
  }
  // Postgres stopped or restarting: the client should retry, not report a bug.
  if (noteIfDatabaseUnavailable(error)) {
    return Response.json({ detail: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
  }
  console.error(error);
  return Response.json({ detail: "Internal server error" }, { status: 500 });
}

/** Zod issues become a 422 naming each wrong field by its path (data.0.result.score). */
export function validationError(error: z.ZodError, status = 422): DomainError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "body";
    (fieldErrors[path] ??= []).push(issue.message);
  }
  const [first] = Object.entries(fieldErrors);
  return new DomainError(`Invalid request: ${first[0]} ${first[1][0]}`, status, fieldErrors);
}

/**
 * Reads a JSON body within the size limit; malformed JSON is a 400. A string
 * the database cannot store (NUL, lone surrogates), in a key or a value, or
 * nesting deeper than `MAX_JSON_DEPTH` is a 422 naming the field, whatever route.
 */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw new PayloadTooLargeError(limit);
  const body = await readBody(request, limit);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new DomainError("Request body is not valid JSON.", 400);
  }
  const problem = findJsonProblem(json, MAX_JSON_DEPTH);
  if (problem) {
    const { field, message } = describeJsonProblem(problem);
    throw new UnprocessableError(`Invalid request: ${field} ${message}`, { [field]: [message] });
  }
  return json;
}

// Small bodies the lean API path (lean-routes.ts) read whole before calling the
// handler, by request: a web stream over a few hundred bytes cost more than the
// rest of reading them. Requests built elsewhere (Next) are not in it.
const preReadBodies = new WeakMap<Request, Uint8Array>();

/** Hands `request`'s whole body to `readBody` (the request itself then carries none). */
export function attachPreReadBody(request: Request, body: Uint8Array): void {
  preReadBodies.set(request, body);
}

/** The raw body, refusing more than `limit` bytes even without a Content-Length. */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const preRead = preReadBodies.get(request);
  if (preRead) {
    preReadBodies.delete(request);
    if (preRead.byteLength > limit) throw new PayloadTooLargeError(limit);
    return preRead;
  }
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Parses a request part; messages are in wire terms (lib/api/wire-errors.ts). */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value, { error: wireMessage });
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
