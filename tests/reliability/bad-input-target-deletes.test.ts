import { describe } from "vitest";
import { POST as deleteSessionsRoute } from "@/app/v1/sessions/delete/route";
import { DELETE as deleteSessionRoute } from "@/app/v1/sessions/[session]/route";
import { DELETE as deleteSpanRoute } from "@/app/v1/spans/[span]/route";
import { DELETE as deleteTraceRoute } from "@/app/v1/traces/[trace]/route";
import { toGlobalId } from "@/lib/api/global-id";
import { useTestDatabase } from "@/tests/setup/database";
import { call, itRefuses, NUL_MESSAGE, type Case, type World } from "./bad-input-fixtures";

// Deleting spans, traces and sessions: the role before the target is looked
// up, unknown targets named in the 404, identifiers SQL cannot take, and the
// bulk body's shape. Every refusal leaves every table as it was.
const db = useTestDatabase({ reset: "manual" });

const UNKNOWN_SPAN = "0123456789abcdef";
const UNKNOWN_TRACE = "0123456789abcdef0123456789abcdef";
const del = (route: unknown, path: string, params: Record<string, string>, key: string) =>
  call(route, { method: "DELETE", path, params, key });
const span = (id: string, key: (w: World) => string) => (w: World) => del(deleteSpanRoute, `/v1/spans/${id}`, { span: id }, key(w));
const trace = (id: string, key: (w: World) => string) => (w: World) => del(deleteTraceRoute, `/v1/traces/${id}`, { trace: id }, key(w));
const session = (id: string, key: (w: World) => string) => (w: World) => del(deleteSessionRoute, `/v1/sessions/${id}`, { session: id }, key(w));
const bulk = (body: unknown, key: (w: World) => string = (w) => w.lead.key) => (w: World) =>
  call(deleteSessionsRoute, { path: "/v1/sessions/delete", key: key(w), body: body as object });
const lead = (w: World) => w.lead.key;
const VIEWER = "Your role (viewer) may not delete traces, spans or sessions.";
const REVIEWER = "Your role (reviewer) may not delete traces, spans or sessions.";

const cases: Case[] = [
  // Roles: refused before anything is looked up (so an unknown target is a 403 too).
  { name: "span: a reviewer's key", status: 403, message: REVIEWER, send: (w) => span(w.retriever.spanId, (x) => x.reviewer.key)(w) },
  { name: "span: a viewer's key on an unknown span", status: 403, message: VIEWER, send: span(UNKNOWN_SPAN, (w) => w.viewer.key) },
  { name: "trace: a reviewer's key", status: 403, message: REVIEWER, send: (w) => trace(w.traceId, (x) => x.reviewer.key)(w) },
  { name: "session: a reviewer's key", status: 403, message: REVIEWER, send: (w) => session(w.sessionId, (x) => x.reviewer.key)(w) },
  { name: "sessions bulk: a reviewer's key", status: 403, message: REVIEWER, send: (w) => bulk({ session_identifiers: [w.sessionId] }, (x) => x.reviewer.key)(w) },
  { name: "sessions bulk: a viewer's key with a bad body", status: 403, message: VIEWER, send: bulk({ session_identifiers: [] }, (w) => w.viewer.key) },
  // Unknown targets: 404 naming them.
  { name: "span: unknown span id", status: 404, message: `Span ${UNKNOWN_SPAN} does not exist.`, send: span(UNKNOWN_SPAN, lead) },
  { name: "span: a Trace GlobalID", status: 404, message: `Span ${toGlobalId("Trace", 1)} does not exist.`, send: span(toGlobalId("Trace", 1), lead) },
  { name: "span: Span GlobalID of no span", status: 404, message: `Span ${toGlobalId("Span", 999)} does not exist.`, send: span(toGlobalId("Span", 999), lead) },
  { name: "trace: unknown trace id", status: 404, message: `Trace ${UNKNOWN_TRACE} does not exist.`, send: trace(UNKNOWN_TRACE, lead) },
  { name: "session: unknown session id", status: 404, message: "Session nope does not exist.", send: session("nope", lead) },
  { name: "session: percent-encoded unknown id", status: 404, message: "Session no pe does not exist.", send: session("no%20pe", lead) },
  // What SQL cannot take.
  { name: "span: %00 in the id", status: 422, message: `Invalid request: span ${NUL_MESSAGE}`, send: span("ab%00", lead) },
  { name: "trace: %00 in the id", status: 422, message: `Invalid request: trace ${NUL_MESSAGE}`, send: trace("ab%00", lead) },
  { name: "session: %00 in the id", status: 422, message: `Invalid request: session ${NUL_MESSAGE}`, send: session("ab%00", lead) },
  // The bulk body (Phoenix's DeleteSessionsRequestBody).
  { name: "sessions bulk: empty list", status: 422, message: "Invalid request: session_identifiers must not be empty", send: bulk({ session_identifiers: [] }) },
  { name: "sessions bulk: no list", status: 422, message: "Invalid request: session_identifiers is required", send: bulk({}) },
  { name: "sessions bulk: a string, not a list", status: 422, message: "Invalid request: session_identifiers must be a list", send: bulk({ session_identifiers: "s-1" }) },
  { name: "sessions bulk: a number in the list", status: 422, message: "Invalid request: session_identifiers.1 must be a string", send: bulk({ session_identifiers: ["s-1", 7] }) },
  { name: "sessions bulk: GlobalIDs and session ids mixed", status: 422,
    message: "Invalid request: session_identifiers must be all GlobalIDs or all session ids, not a mix",
    send: (w) => bulk({ session_identifiers: [w.sessionId, toGlobalId("ProjectSession", 1)] })(w) },
  { name: "sessions bulk: NUL in an identifier", status: 422, message: `Invalid request: session_identifiers.0 ${NUL_MESSAGE}`,
    send: bulk({ session_identifiers: ["s-1\u0000"] }) },
  { name: "sessions bulk: over 10000 identifiers", status: 422, message: "Invalid request: session_identifiers must list at most 10000 items",
    send: bulk({ session_identifiers: Array.from({ length: 10_001 }, (_, i) => `s-${i}`) }) },
  { name: "sessions bulk: not JSON", status: 400, message: "Request body is not valid JSON.", send: bulk("{session_identifiers:") },
];

describe("span, trace and session deletes refuse bad input and change nothing", () => {
  itRefuses(db, cases);
});
