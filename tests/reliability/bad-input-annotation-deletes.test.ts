import { beforeAll, describe } from "vitest";
import { DELETE as deleteSessionAnnotations } from "@/app/v1/projects/[project]/session_annotations/route";
import { DELETE as deleteSpanAnnotations } from "@/app/v1/projects/[project]/span_annotations/route";
import { DELETE as deleteTraceAnnotations } from "@/app/v1/projects/[project]/trace_annotations/route";
import { upsertAnnotations } from "@/lib/annotations/upsert-annotations";
import { actorForUser } from "@/lib/auth/sessions";
import { useTestDatabase } from "@/tests/setup/database";
import { call, itRefuses, NUL, NUL_MESSAGE, type Case, type World } from "./bad-input-fixtures";

// The three annotation delete routes: the delete_all gate, the window, bad
// filter values, the role before the project is looked up, and a reviewer
// whose filter matches someone else's row. Each refusal changes nothing.
const db = useTestDatabase({ reset: "manual" });

const UNBOUNDED = "Invalid request: the delete is unbounded. Give both start_time and end_time, or set delete_all=true.";
const FOREIGN =
  "Some annotations matching this filter belong to other users: your role may delete only your own. " +
  "Nothing was deleted; narrow the filter (for example by identifier).";

const routes = [
  { label: "span", route: deleteSpanAnnotations, path: "span_annotations" },
  { label: "trace", route: deleteTraceAnnotations, path: "trace_annotations" },
  { label: "session", route: deleteSessionAnnotations, path: "session_annotations" },
];

const send = (route: unknown, path: string, query: string, key: (w: World) => string, project = "default") => (w: World) =>
  call(route, { method: "DELETE", path: `/v1/projects/${encodeURIComponent(project)}/${path}?${query}`, key: key(w), params: { project } });
const lead = (w: World) => w.lead.key;
const reviewer = (w: World) => w.reviewer.key;

const gateCases: Case[] = routes.flatMap(({ label, route, path }) => [
  { name: `${label}: no filter at all`, status: 422, message: UNBOUNDED, send: send(route, path, "", lead) },
  { name: `${label}: a name alone does not bound the delete`, status: 422, message: UNBOUNDED,
    send: send(route, path, "name=correctness&identifier=x&annotator_kind=HUMAN", lead) },
]);

const window = "start_time=2026-11-20T00:00:00Z&end_time=2026-11-21T00:00:00Z";
const spanCases: Case[] = [
  { name: "start_time only", status: 422, message: UNBOUNDED, send: send(deleteSpanAnnotations, "span_annotations", "start_time=2026-11-20T00:00:00Z", lead) },
  { name: "end_time only", status: 422, message: UNBOUNDED, send: send(deleteSpanAnnotations, "span_annotations", "end_time=2026-11-20T00:00:00", lead) },
  { name: "delete_all=false", status: 422, message: UNBOUNDED, send: send(deleteSpanAnnotations, "span_annotations", "delete_all=false&name=correctness", lead) },
  { name: "start_time equal to end_time", status: 422, message: "Invalid request: start_time must be strictly earlier than end_time",
    send: send(deleteSpanAnnotations, "span_annotations", "start_time=2026-11-20T10:00:00Z&end_time=2026-11-20T10:00:00", lead) },
  { name: "start_time after end_time, even with delete_all", status: 422, message: "Invalid request: start_time must be strictly earlier than end_time",
    send: send(deleteSpanAnnotations, "span_annotations", "start_time=2026-11-21T00:00:00Z&end_time=2026-11-20T00:00:00Z&delete_all=true", lead) },
  { name: "start_time not a date-time", status: 422, message: "Invalid request: start_time must be an ISO 8601 date-time",
    send: send(deleteSpanAnnotations, "span_annotations", "start_time=yesterday&end_time=2026-11-20T00:00:00Z", lead) },
  { name: "end_time empty", status: 422, message: "Invalid request: end_time must be an ISO 8601 date-time",
    send: send(deleteSpanAnnotations, "span_annotations", "start_time=2026-11-20T00:00:00Z&end_time=", lead) },
  { name: "empty name", status: 422, message: "Invalid request: name must not be empty", send: send(deleteSpanAnnotations, "span_annotations", "delete_all=true&name=", lead) },
  { name: "empty identifier", status: 422, message: "Invalid request: identifier must not be empty", send: send(deleteSpanAnnotations, "span_annotations", `${window}&identifier=`, lead) },
  { name: "unknown annotator_kind", status: 422, message: "Invalid request: annotator_kind must be one of LLM, CODE, HUMAN",
    send: send(deleteSpanAnnotations, "span_annotations", "delete_all=true&annotator_kind=human", lead) },
  { name: "delete_all not a boolean", status: 422, message: "Invalid request: delete_all must be true or false",
    send: send(deleteSpanAnnotations, "span_annotations", "delete_all=please", lead) },
  { name: "NUL in the name", status: 422, message: `Invalid request: name ${NUL_MESSAGE}`,
    send: send(deleteSpanAnnotations, "span_annotations", `delete_all=true&name=a${encodeURIComponent(NUL)}`, lead) },
  { name: "bad parameters on an unknown project: the parameters first", status: 422, message: UNBOUNDED,
    send: send(deleteSpanAnnotations, "span_annotations", "", lead, "nope") },
  { name: "unknown project", status: 404, message: "Project nope does not exist.", send: send(deleteSpanAnnotations, "span_annotations", "delete_all=true", lead, "nope") },
  { name: "a viewer's key, on an unknown project", status: 403, message: "Your role (viewer) may not annotate.",
    send: send(deleteSpanAnnotations, "span_annotations", "delete_all=true", (w) => w.viewer.key, "nope") },
  { name: "no key", status: 401, message: "Missing API key: send Authorization: Bearer <key>.", send: send(deleteSpanAnnotations, "span_annotations", "delete_all=true", () => "") },
  { name: "a revoked key", status: 401, message: /./, send: send(deleteSpanAnnotations, "span_annotations", "delete_all=true", (w) => w.revokedKey) },
  { name: "a reviewer's delete_all matching the lead's annotation as well as their own", status: 403, message: FOREIGN,
    send: send(deleteSpanAnnotations, "span_annotations", "delete_all=true", reviewer) },
  { name: "a reviewer deleting by the lead's identifier", status: 403, message: FOREIGN,
    send: send(deleteSpanAnnotations, "span_annotations", "delete_all=true&identifier=lead-run&name=correctness", reviewer) },
  { name: "a reviewer deleting the lead's trace annotation", status: 403, message: FOREIGN,
    send: send(deleteTraceAnnotations, "trace_annotations", "delete_all=true&annotator_kind=LLM", reviewer) },
];

describe("annotation delete routes refuse bad input and change nothing", () => {
  itRefuses(db, [...gateCases, ...spanCases]);
  // Runs after itRefuses' world is built (before hooks run in order): the
  // lead's annotations, beside the reviewer's "kept" one, for the 403 cases.
  beforeAll(async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "lead@t.dev" }, select: { id: true, name: true, email: true, role: true } });
    const [root] = await db.span.findMany({ where: { parentSpanId: null }, select: { spanId: true, trace: { select: { traceId: true } } }, take: 1 });
    const leadActor = actorForUser(user);
    await upsertAnnotations(leadActor, "SPAN", [{ target: "SPAN", externalId: root.spanId, name: "correctness", label: "lead", annotatorKind: "HUMAN", identifier: "lead-run" }], "API");
    await upsertAnnotations(leadActor, "TRACE", [{ target: "TRACE", externalId: root.trace.traceId, name: "correctness", label: "lead", annotatorKind: "LLM", identifier: "lead-run" }], "API");
  });
});
