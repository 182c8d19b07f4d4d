import { beforeEach, describe, expect, it } from "vitest";
import { GET as getProjects } from "@/app/v1/projects/route";
import { GET as getProject } from "@/app/v1/projects/[project]/route";
import { GET as getSessions } from "@/app/v1/projects/[project]/sessions/route";
import { GET as getSpans } from "@/app/v1/projects/[project]/spans/route";
import { GET as getOtlpSpans } from "@/app/v1/projects/[project]/spans/otlpv1/route";
import { GET as getTraces } from "@/app/v1/projects/[project]/traces/route";
import { GET as getSession } from "@/app/v1/sessions/[session]/route";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { bearerFor, callRoute } from "@/tests/fixtures/api-auth";
import { ragTrace } from "@/tests/fixtures/spans";
import { projectGlobalId } from "./project-param";

const db = useTestDatabase();
const t0 = new Date("2026-11-20T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
let auth: Record<string, string>;

beforeEach(async () => {
  auth = await bearerFor("VIEWER");
  await ingestSpans([
    ...ragTrace({ project: "support", start: minutes(0), sessionId: "s-1", tokens: 100 }),
    ...ragTrace({ project: "support", start: minutes(1), sessionId: "s-1", tokens: 50, status: "ERROR", latencyMs: 5000 }),
    ...ragTrace({ project: "support", start: minutes(2), sessionId: "s-2" }),
    ...ragTrace({ project: "other", start: minutes(3) }),
  ]);
});

const json = async (response: Response) => {
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
};
const spans = (project: string, query = "") => callRoute(getSpans, `/v1/projects/${project}/spans${query}`, { project }, auth);

describe("Phoenix REST reads", () => {
  it("lists projects newest first with GlobalIDs, one page at a time", async () => {
    const [newest, oldest] = await db.project.findMany({ orderBy: { id: "desc" } });
    const first = await json(await callRoute(getProjects, "/v1/projects?limit=1", {}, auth));
    expect(first).toEqual({ data: [{ id: projectGlobalId(newest.id), name: newest.name, description: null }], next_cursor: projectGlobalId(oldest.id) });
    const second = await json(await callRoute(getProjects, `/v1/projects?limit=1&cursor=${first.next_cursor}`, {}, auth));
    expect(second).toEqual({ data: [{ id: projectGlobalId(oldest.id), name: oldest.name, description: null }], next_cursor: null });
    const named = await json(await callRoute(getProjects, "/v1/projects?name_contains=SUPP", {}, auth));
    expect(named.data.map((p: { name: string }) => p.name)).toEqual(["support"]);
  });

  it("reads one project by name or GlobalID, and 404s an unknown one", async () => {
    const byName = await json(await callRoute(getProject, "/v1/projects/support", { project: "support" }, auth));
    const byId = await json(await callRoute(getProject, "/", { project: byName.data.id }, auth));
    expect(byId).toEqual(byName);
    const missing = await callRoute(getProject, "/", { project: "nope" }, auth);
    expect(missing.status).toBe(404);
    expect((await spans("nope")).status).toBe(404);
  });

  it("returns spans in Phoenix's shape with flat attributes", async () => {
    const body = await json(await spans("support", "?limit=1000"));
    expect(body.data).toHaveLength(9);
    expect(body.next_cursor).toBeNull();
    const llm = body.data.find((s: { span_kind: string }) => s.span_kind === "LLM");
    expect(llm).toMatchObject({
      id: expect.any(String), name: "generate_answer", context: { trace_id: expect.stringMatching(/^[0-9a-f]{32}$/), span_id: expect.stringMatching(/^[0-9a-f]{16}$/) },
      parent_id: expect.stringMatching(/^[0-9a-f]{16}$/), status_code: "UNSET", status_message: "", events: [],
      start_time: expect.stringMatching(/Z$/),
      attributes: { "llm.input_messages.0.message.role": "user", "llm.token_count.total": expect.any(Number), "session.id": expect.any(String) },
    });
    expect(llm.attributes).not.toHaveProperty("openinference.span.kind");
  });

  it("filters spans by ids, parent, name, kind, status, time and attribute", async () => {
    const all = (await json(await spans("support"))).data as { context: { trace_id: string; span_id: string }; parent_id: string | null }[];
    const traceId = all[0].context.trace_id;
    const count = async (query: string) => (await json(await spans("support", query))).data.length;
    expect(await count(`?trace_id=${traceId}`)).toBe(3);
    expect(await count(`?span_id=${all[0].context.span_id}&span_id=${all[1].context.span_id}`)).toBe(2);
    expect(await count("?parent_id=null")).toBe(3);
    expect(await count(`?parent_id=${all.find((s) => !s.parent_id)!.context.span_id}`)).toBe(2);
    expect(await count("?name=retrieve_docs&name=generate_answer")).toBe(6);
    expect(await count("?span_kind=RETRIEVER")).toBe(3);
    expect(await count("?status_code=ERROR")).toBe(1);
    expect(await count(`?start_time=${minutes(1).toISOString()}&end_time=${minutes(2).toISOString()}`)).toBe(3);
    expect(await count("?attribute=session.id:s-2")).toBe(3);
    expect(await count("?attribute=llm.token_count.total:50")).toBe(1);
    expect(await count("?attribute=llm.token_count.total:%2250%22")).toBe(0); // a quoted number is a string
    expect(await count("?attribute=session.id:s-1&attribute=openinference.span.kind:LLM")).toBe(2);
  });

  it("answers 422 for a bad filter, too many ids or a bad cursor", async () => {
    for (const query of ["?attribute=novalue", "?attribute=k:null", "?span_kind=BOGUS", "?limit=1001", "?cursor=abc", "?start_time=yesterday"]) {
      expect((await spans("support", query)).status, query).toBe(422);
    }
    const ids = Array.from({ length: 1001 }, (_, i) => `trace_id=${i.toString(16).padStart(32, "0")}`).join("&");
    expect((await spans("support", `?${ids}`)).status).toBe(422);
  });

  it("pages spans with an inclusive GlobalID cursor, no row lost or repeated", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; next_cursor: string | null } = await json(await spans("support", `?limit=4${cursor ? `&cursor=${cursor}` : ""}`));
      seen.push(...page.data.map((s) => s.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it("returns the same spans in OTLP shape from /spans/otlpv1", async () => {
    const otlp = (query: string) => callRoute(getOtlpSpans, `/v1/projects/support/spans/otlpv1${query}`, { project: "support" }, auth);
    const failed = await json(await otlp("?status_code=ERROR"));
    expect(failed.data).toEqual([
      expect.objectContaining({
        name: "support_turn", parent_span_id: null, kind: "SPAN_KIND_INTERNAL", status: { code: 2, message: null }, events: null,
        trace_id: expect.stringMatching(/^[0-9a-f]{32}$/), start_time_unix_nano: `${BigInt(minutes(1).getTime()) * 1_000_000n}`,
      }),
    ]);
    const [llm] = (await json(await otlp(`?span_kind=LLM&trace_id=${failed.data[0].trace_id}`))).data;
    expect(llm.attributes).toContainEqual({ key: "openinference.span.kind", value: { string_value: "LLM" } });
    expect(llm.attributes).toContainEqual({ key: "llm.token_count.total", value: { int_value: 50 } });
  });

  it("lists traces with token counts, sorted, paged and filtered by session", async () => {
    const byTime = await json(await callRoute(getTraces, "/v1/projects/support/traces?limit=2", { project: "support" }, auth));
    expect(byTime.data.map((t: { start_time: string }) => t.start_time)).toEqual([minutes(2).toISOString(), minutes(1).toISOString()]);
    expect(byTime.data[1]).toMatchObject({ token_count_total: 50, token_count_prompt: 30, token_count_completion: 20, spans: null, project_id: expect.any(String) });
    const rest = await json(await callRoute(getTraces, `/v1/projects/support/traces?limit=2&cursor=${byTime.next_cursor}`, { project: "support" }, auth));
    expect(rest.data).toHaveLength(1);
    const slowest = await json(await callRoute(getTraces, "/v1/projects/support/traces?sort=latency_ms&limit=1&include_spans=true", { project: "support" }, auth));
    expect(slowest.data[0].start_time).toBe(minutes(1).toISOString());
    expect(slowest.data[0].spans).toHaveLength(3);
    const inSession = await json(await callRoute(getTraces, "/v1/projects/support/traces?session_identifier=s-2", { project: "support" }, auth));
    expect(inSession.data).toHaveLength(1);
  });

  it("lists sessions with their traces and reads one by session.id or GlobalID", async () => {
    const list = await json(await callRoute(getSessions, "/v1/projects/support/sessions", { project: "support" }, auth));
    expect(list.data.map((s: { session_id: string }) => s.session_id)).toEqual(["s-1", "s-2"]);
    expect(list.data[0]).toMatchObject({ token_count_total: 150, traces: [expect.objectContaining({ trace_id: expect.any(String) }), expect.anything()] });
    const byName = await json(await callRoute(getSession, "/", { session: "s-1" }, auth));
    const byId = await json(await callRoute(getSession, "/", { session: list.data[0].id }, auth));
    expect(byId).toEqual(byName);
    expect(byName.data).toEqual(list.data[0]);
    expect((await callRoute(getSession, "/", { session: "missing" }, auth)).status).toBe(404);
  });

  it("needs an API key", async () => {
    expect((await callRoute(getProjects, "/v1/projects", {}, {})).status).toBe(401);
  });
});
