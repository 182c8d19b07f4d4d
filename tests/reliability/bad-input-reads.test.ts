import { describe } from "vitest";
import { GET as getProjects } from "@/app/v1/projects/route";
import { GET as getProject } from "@/app/v1/projects/[project]/route";
import { GET as getSpans } from "@/app/v1/projects/[project]/spans/route";
import { GET as getOtlpSpans } from "@/app/v1/projects/[project]/spans/otlpv1/route";
import { GET as getTraces } from "@/app/v1/projects/[project]/traces/route";
import { GET as getSessions } from "@/app/v1/projects/[project]/sessions/route";
import { GET as getSession } from "@/app/v1/sessions/[session]/route";
import { GET as getSpanAnnotations } from "@/app/v1/projects/[project]/span_annotations/route";
import { GET as getTraceAnnotations } from "@/app/v1/projects/[project]/trace_annotations/route";
import { GET as getSessionAnnotations } from "@/app/v1/projects/[project]/session_annotations/route";
import { GET as getDocumentAnnotations } from "@/app/v1/projects/[project]/document_annotations/route";
import { useTestDatabase } from "@/tests/setup/database";
import { call, itRefuses, NUL_MESSAGE, SURROGATE_MESSAGE, type Case, type World } from "./bad-input-fixtures";

// Reads: projects, spans, traces, sessions and annotations. Path and query
// parameters reach SQL as text, so they are checked like bodies are.
const db = useTestDatabase({ reset: "manual" });

const read = (handler: unknown, path: string, params: Record<string, string> = {}) => (w: World) =>
  call(handler, { path, params, key: w.viewer.key });
const inDefault = (handler: unknown, route: string) => (query: string) =>
  read(handler, `/v1/projects/default/${route}?${query}`, { project: "default" });

const projects = (query: string) => read(getProjects, `/v1/projects?${query}`);
const spans = inDefault(getSpans, "spans");
const otlpSpans = inDefault(getOtlpSpans, "spans/otlpv1");
const traces = inDefault(getTraces, "traces");
const sessions = inDefault(getSessions, "sessions");

const projectCases: Case[] = [
  { name: "projects: limit 0", status: 422, message: "Invalid request: limit must be greater than 0", send: projects("limit=0") },
  { name: "projects: limit 1.5", status: 422, message: "Invalid request: limit must be an integer", send: projects("limit=1.5") },
  { name: "projects: limit not a number", status: 422, message: "Invalid request: limit must be a number", send: projects("limit=many") },
  { name: "projects: a bogus cursor", status: 422, message: "Invalid cursor: bm9wZQ==", send: projects("cursor=bm9wZQ==") },
  { name: "projects: NUL in name_contains", status: 422, message: `Invalid request: name_contains ${NUL_MESSAGE}`, send: projects("name_contains=a%00") },
  { name: "projects: a 201-character name_contains", status: 422, message: "Invalid request: name_contains must be at most 200 characters",
    send: projects(`name_contains=${"n".repeat(201)}`) },
  { name: "projects: include_experiment_projects=maybe", status: 422,
    message: "Invalid request: include_experiment_projects must be one of 0, 1, true, false", send: projects("include_experiment_projects=maybe") },
  { name: "projects: NUL in a parameter's name", status: 422, message: `Invalid request: "x\\u0000" ${NUL_MESSAGE}`, send: projects("x%00=1") },
  { name: "project: NUL in {project}", status: 422, message: `Invalid request: project ${NUL_MESSAGE}`,
    send: read(getProject, "/v1/projects/x", { project: "de\u0000fault" }) },
  { name: "project: a lone surrogate in {project}", status: 422, message: `Invalid request: project ${SURROGATE_MESSAGE}`,
    send: read(getProject, "/v1/projects/x", { project: "de\ud800fault" }) },
  { name: "project: an unknown project", status: 404, message: "Project nope does not exist.", send: read(getProject, "/v1/projects/nope", { project: "nope" }) },
  { name: "project: a GlobalID past int32", status: 404, message: "Project UHJvamVjdDozMDAwMDAwMDAw does not exist.",
    send: read(getProject, "/v1/projects/UHJvamVjdDozMDAwMDAwMDAw", { project: "UHJvamVjdDozMDAwMDAwMDAw" }) },
];

const spanCases: Case[] = [
  { name: "spans: NUL in trace_id", status: 422, message: `Invalid request: trace_id ${NUL_MESSAGE}`, send: spans("trace_id=ab%00") },
  { name: "spans: NUL in name", status: 422, message: `Invalid request: name ${NUL_MESSAGE}`, send: spans("name=a&name=b%00") },
  { name: "spans: NUL in an attribute filter", status: 422, message: `Invalid request: attribute ${NUL_MESSAGE}`, send: spans("attribute=user.id:a%00") },
  { name: "spans: an escaped NUL in an attribute value", status: 422, message: `Invalid request: attribute ${NUL_MESSAGE}`,
    send: spans(`attribute=${encodeURIComponent('user.id:"a\\u0000"')}`) },
  { name: "spans: an escaped lone surrogate in an attribute value", status: 422, message: `Invalid request: attribute ${SURROGATE_MESSAGE}`,
    send: spans(`attribute=${encodeURIComponent('user.id:"\\ud800"')}`) },
  { name: "spans: an attribute without a colon", status: 422, message: "Invalid attribute 'user.id': expected format 'key:value'", send: spans("attribute=user.id") },
  { name: "spans: an unknown span_kind", status: 422,
    message: /^Invalid request: span_kind\.0 must be one of LLM, CHAIN, RETRIEVER, /, send: spans("span_kind=ROBOT") },
  { name: "spans: an unknown status_code", status: 422, message: "Invalid request: status_code.1 must be one of OK, ERROR, UNSET", send: spans("status_code=OK&status_code=FINE") },
  { name: "spans: limit 1001", status: 422, message: "Invalid request: limit must be at most 1000", send: spans("limit=1001") },
  { name: "spans: start_time not a date", status: 422, message: "Invalid request: start_time must be an ISO 8601 date-time", send: spans("start_time=yesterday") },
  { name: "spans: a bogus cursor", status: 422, message: "Invalid cursor: abc", send: spans("cursor=abc") },
  { name: "spans: NUL in cursor", status: 422, message: `Invalid request: cursor ${NUL_MESSAGE}`, send: spans("cursor=%00") },
  { name: "spans: NUL in {project}", status: 422, message: `Invalid request: project ${NUL_MESSAGE}`,
    send: read(getSpans, "/v1/projects/x/spans", { project: "x\u0000" }) },
  { name: "spans: an unknown project", status: 404, message: "Project nope does not exist.", send: read(getSpans, "/v1/projects/nope/spans", { project: "nope" }) },
  { name: "otlpv1 spans: NUL in span_id", status: 422, message: `Invalid request: span_id ${NUL_MESSAGE}`, send: otlpSpans("span_id=%00") },
  { name: "otlpv1 spans: NUL in parent_id", status: 422, message: `Invalid request: parent_id ${NUL_MESSAGE}`, send: otlpSpans("parent_id=%00") },
  { name: "otlpv1 spans: limit 0", status: 422, message: "Invalid request: limit must be greater than 0", send: otlpSpans("limit=0") },
  { name: "otlpv1 spans: an unknown project", status: 404, message: "Project nope does not exist.",
    send: read(getOtlpSpans, "/v1/projects/nope/spans/otlpv1", { project: "nope" }) },
];

const traceCases: Case[] = [
  { name: "traces: an unknown sort", status: 422, message: "Invalid request: sort must be one of start_time, latency_ms", send: traces("sort=cost") },
  { name: "traces: an unknown order", status: 422, message: "Invalid request: order must be one of asc, desc", send: traces("order=up") },
  { name: "traces: include_spans=maybe", status: 422, message: "Invalid request: include_spans must be one of 0, 1, true, false", send: traces("include_spans=maybe") },
  { name: "traces: limit 1e12", status: 422, message: "Invalid request: limit must be at most 1000", send: traces("limit=1000000000000") },
  { name: "traces: end_time not a date", status: 422, message: "Invalid request: end_time must be an ISO 8601 date-time", send: traces("end_time=2026-13-45") },
  { name: "traces: a bogus cursor", status: 422, message: "Invalid cursor: VHJhY2U6eA==", send: traces("cursor=VHJhY2U6eA==") },
  { name: "traces: NUL in session_identifier", status: 422, message: `Invalid request: session_identifier ${NUL_MESSAGE}`, send: traces("session_identifier=s%00") },
  { name: "traces: NUL in {project}", status: 422, message: `Invalid request: project ${NUL_MESSAGE}`,
    send: read(getTraces, "/v1/projects/x/traces", { project: "\u0000" }) },
  { name: "sessions: an unknown order", status: 422, message: "Invalid request: order must be one of asc, desc", send: sessions("order=random") },
  { name: "sessions: limit 1001", status: 422, message: "Invalid request: limit must be at most 1000", send: sessions("limit=1001") },
  { name: "sessions: a bogus cursor", status: 422, message: "Invalid cursor: zzzz", send: sessions("cursor=zzzz") },
  { name: "sessions: an unknown project", status: 404, message: "Project nope does not exist.",
    send: read(getSessions, "/v1/projects/nope/sessions", { project: "nope" }) },
  { name: "session: NUL in {session}", status: 422, message: `Invalid request: session ${NUL_MESSAGE}`,
    send: read(getSession, "/v1/sessions/x", { session: "s-1\u0000" }) },
  { name: "session: a percent-encoded NUL in {session}", status: 422, message: `Invalid request: session ${NUL_MESSAGE}`,
    send: read(getSession, "/v1/sessions/x", { session: "s-1%00" }) },
  { name: "session: an unknown session", status: 404, message: "Session nope does not exist.", send: read(getSession, "/v1/sessions/nope", { session: "nope" }) },
];

const annotationReads = [
  { label: "span", handler: getSpanAnnotations, route: "span_annotations", ids: "span_ids" },
  { label: "trace", handler: getTraceAnnotations, route: "trace_annotations", ids: "trace_ids" },
  { label: "session", handler: getSessionAnnotations, route: "session_annotations", ids: "session_ids" },
  { label: "document", handler: getDocumentAnnotations, route: "document_annotations", ids: "span_ids" },
];
const annotationReadCases: Case[] = annotationReads.flatMap(({ label, handler, route, ids }): Case[] => {
  const get = inDefault(handler, route);
  return [
    { name: `${label} annotations: no ids`, status: 422, message: `Invalid request: ${ids} needs ${ids} or identifier`, send: get("limit=5") },
    { name: `${label} annotations: NUL in ${ids}`, status: 422, message: `Invalid request: ${ids} ${NUL_MESSAGE}`, send: get(`${ids}=a%00`) },
    { name: `${label} annotations: NUL in identifier`, status: 422, message: `Invalid request: identifier ${NUL_MESSAGE}`, send: get("identifier=me%00") },
    { name: `${label} annotations: NUL in include_annotation_names`, status: 422,
      message: `Invalid request: include_annotation_names ${NUL_MESSAGE}`, send: get(`${ids}=a&include_annotation_names=q%00`) },
    { name: `${label} annotations: limit 10001`, status: 422, message: "Invalid request: limit must be at most 10000", send: get(`${ids}=a&limit=10001`) },
    { name: `${label} annotations: a bogus cursor`, status: 422, message: "Invalid request: cursor is not a valid cursor", send: get(`${ids}=a&cursor=xyz`) },
    { name: `${label} annotations: an empty identifier`, status: 422, message: "Invalid request: identifier.0 must not be empty", send: get("identifier=") },
    { name: `${label} annotations: NUL in {project}`, status: 422, message: `Invalid request: project ${NUL_MESSAGE}`,
      send: read(handler, `/v1/projects/x/${route}?${ids}=a`, { project: "x\u0000" }) },
    { name: `${label} annotations: an unknown project`, status: 404, message: "Project nope does not exist.",
      send: read(handler, `/v1/projects/nope/${route}?${ids}=a`, { project: "nope" }) },
  ];
});

describe("project reads refuse bad parameters", () => {
  itRefuses(db, projectCases);
});

describe("span reads refuse bad parameters", () => {
  itRefuses(db, spanCases);
});

describe("trace and session reads refuse bad parameters", () => {
  itRefuses(db, traceCases);
});

describe("annotation reads refuse bad parameters", () => {
  itRefuses(db, annotationReadCases);
});
