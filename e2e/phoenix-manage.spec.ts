import { createClient, HttpError } from "@arizeai/phoenix-client";
import * as sessions from "@arizeai/phoenix-client/sessions";
import * as spans from "@arizeai/phoenix-client/spans";
import * as traces from "@arizeai/phoenix-client/traces";
import { expect, test, type Locator } from "@playwright/test";
import pg from "pg";
import { paths } from "@/lib/url";
import { createKeyInSettings, ingestWorld, type World } from "./phoenix-fixtures";

// Issue 14 with the real @arizeai/phoenix-client: a project made over the API,
// annotations deleted by name, time window and identifier, a span, a trace and
// sessions deleted, each read back over the API and in the pages, with the
// deleted annotations kept in history. A reviewer may delete only their own.
test.describe.configure({ mode: "serial" });

type Client = ReturnType<typeof createClient>;
type Kind = "span" | "trace" | "session";
type DeleteQuery = { name?: string; identifier?: string; start_time?: string; end_time?: string; delete_all?: boolean };
type Row = { name: string; identifier: string; result: { label: string | null; score: number | null; explanation: string | null } };

let lead: Client;
let reviewer: Client;
let project: { id: string; name: string; description?: string | null };
// A: root + retriever in session 1; E: a second turn of session 1; B, C, D: sessions 2, 3, 4.
let a: World, b: World, c: World, d: World, e: World;
// The lower bound of the session-annotation window: before anything is written.
let startedAt: string;

test.beforeAll(async ({ browser, baseURL }) => {
  startedAt = new Date(Date.now() - 5_000).toISOString();
  const [leadKey, reviewerKey] = await Promise.all([createKeyInSettings(browser, baseURL!, "lead"), createKeyInSettings(browser, baseURL!, "reviewer")]);
  // Passing headers drops the client's PHOENIX_API_KEY handling: the bearer goes in by hand.
  lead = createClient({ options: { baseUrl: baseURL!, headers: { Authorization: `Bearer ${leadKey}` } } });
  reviewer = createClient({ options: { baseUrl: baseURL!, headers: { Authorization: `Bearer ${reviewerKey}` } } });
  const name = `phoenix-manage-${Date.now().toString(36)}`;
  const { data, error } = await lead.POST("/v1/projects", { body: { name, description: "made by the client" } });
  if (error || !data) throw new Error(`create project: ${JSON.stringify(error)}`);
  project = data.data;
  a = await ingestWorld(baseURL!, leadKey, { project: name });
  [b, c, d, e] = await Promise.all([
    ingestWorld(baseURL!, leadKey, { project: name }),
    ingestWorld(baseURL!, leadKey, { project: name }),
    ingestWorld(baseURL!, leadKey, { project: name }),
    ingestWorld(baseURL!, leadKey, { project: name, sessionId: a.sessionId }),
  ]);
});

const annotationsPath = {
  span: "/v1/projects/{project_identifier}/span_annotations",
  trace: "/v1/projects/{project_identifier}/trace_annotations",
  session: "/v1/projects/{project_identifier}/session_annotations",
} as const;

// The client throws an HttpError on any status but 2xx: its status is the answer.
const statusOf = (error: unknown) => {
  if (error instanceof HttpError) return error.status;
  throw error;
};
const refusal = (call: Promise<unknown>): Promise<number> =>
  call.then(() => { throw new Error("expected the call to be refused"); }, statusOf);

/** The HTTP status of a filtered annotation delete. */
const deleteAnnotations = (client: Client, kind: Kind, query: DeleteQuery): Promise<number> =>
  client.DELETE(annotationsPath[kind], { params: { path: { project_identifier: project.name }, query } })
    .then(({ response }) => response.status, statusOf);

async function rows(kind: Kind, ids: string[]): Promise<Row[]> {
  const key = { span: "span_ids", trace: "trace_ids", session: "session_ids" }[kind];
  const { data, error } = await lead.GET(annotationsPath[kind], {
    params: { path: { project_identifier: project.name }, query: { [key]: ids, limit: 1000 } },
  });
  if (error) throw new Error(JSON.stringify(error));
  return (data?.data ?? []) as Row[];
}
// [name, identifier, label or score or note text], sorted; notes show as ["note", "px", text].
const shown = (list: Row[]) =>
  list.map((r) => [r.name, r.identifier.startsWith("px-") ? "px" : r.identifier, r.result.label ?? r.result.score ?? r.result.explanation]).sort();

// A row's cell under a header (leads' and admins' lists have a selection column first).
async function cell(row: Locator, header: string): Promise<Locator> {
  await expect(row).toBeVisible();
  const headers = await row.locator("xpath=ancestor::table[1]").getByRole("columnheader").allTextContents();
  expect(headers).toContain(header);
  return row.getByRole("cell").nth(headers.indexOf(header));
}

test("a project made over the API takes OTLP spans and shows on the projects page", async ({ page }) => {
  expect(project).toMatchObject({ name: expect.stringMatching(/^phoenix-manage-/), description: "made by the client" });
  expect(Buffer.from(project.id, "base64").toString()).toMatch(/^Project:\d+$/);
  const { response } = await lead.PUT("/v1/projects/{project_identifier}", {
    params: { path: { project_identifier: project.id } }, body: { description: "changed by the client" },
  });
  expect(response.status).toBe(200);
  const { data } = await lead.GET("/v1/projects");
  expect(data?.data.find((p) => p.id === project.id)).toMatchObject({ name: project.name, description: "changed by the client" });

  await page.goto("/");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: project.name, exact: true }) });
  await expect(row).toContainText("changed by the client");
  // Traces, spans, sessions: five traces of two spans each in four sessions.
  await expect(await cell(row, "Traces")).toHaveText("5");
  await expect(await cell(row, "Spans")).toHaveText("10");
  await expect(await cell(row, "Sessions")).toHaveText("4");
});

test("annotations under two identifiers; a reviewer may delete only their own", async () => {
  const span = (spanId: string, name: string, identifier: string, label: string) =>
    ({ spanId, name, identifier, label, annotatorKind: "HUMAN" as const });
  await spans.logSpanAnnotations({
    client: lead, sync: true,
    spanAnnotations: [
      span(a.rootId, "correctness", "alice", "correct"), span(a.rootId, "correctness", "bob", "incorrect"),
      span(a.rootId, "helpfulness", "alice", "meh"), span(a.rootId, "helpfulness", "bob", "helpful"),
      span(a.retrieverId, "relevance", "alice", "relevant"), span(d.rootId, "relevance", "alice", "relevant"),
    ],
  });
  const trace = (traceId: string, name: string, identifier: string, label: string) =>
    ({ traceId, name, identifier, label, annotatorKind: "HUMAN" as const });
  await traces.logTraceAnnotations({
    client: lead, sync: true,
    traceAnnotations: [
      trace(a.traceId, "resolution", "alice", "resolved"), trace(a.traceId, "resolution", "bob", "resolved"),
      trace(a.traceId, "latency_ok", "alice", "slow"), trace(a.traceId, "latency_ok", "bob", "fast"),
    ],
  });
  const session = (sessionId: string, name: string, identifier: string, label: string) =>
    ({ sessionId, name, identifier, label, annotatorKind: "HUMAN" as const });
  await sessions.logSessionAnnotations({
    client: lead, sync: true,
    sessionAnnotations: [
      session(a.sessionId, "satisfaction", "alice", "happy"), session(a.sessionId, "satisfaction", "bob", "unhappy"),
      session(a.sessionId, "goal_met", "alice", "yes"), session(a.sessionId, "goal_met", "bob", "no"),
      session(b.sessionId, "goal_met", "alice", "yes"),
    ],
  });
  // Overwrites: the earlier versions go to history and stay on the page.
  await spans.addSpanAnnotation({ client: lead, sync: true, spanAnnotation: span(a.rootId, "helpfulness", "alice", "helpful") });
  await traces.addTraceAnnotation({ client: lead, sync: true, traceAnnotation: trace(a.traceId, "latency_ok", "alice", "fast") });
  await traces.addTraceNote({ client: lead, traceNote: { traceId: b.traceId, note: "escalate" } });
  await traces.addTraceNote({ client: lead, traceNote: { traceId: e.traceId, note: "check later" } });
  await spans.addSpanAnnotation({ client: reviewer, sync: true, spanAnnotation: span(a.rootId, "helpfulness", "carol", "unhelpful") });

  const before = shown(await rows("span", [a.rootId]));
  expect(before).toEqual([
    ["correctness", "alice", "correct"], ["correctness", "bob", "incorrect"],
    ["helpfulness", "alice", "helpful"], ["helpfulness", "bob", "helpful"], ["helpfulness", "carol", "unhelpful"],
  ]);
  // The name matches the lead's rows too: refused as a whole, nothing deleted.
  expect(await deleteAnnotations(reviewer, "span", { name: "helpfulness", delete_all: true })).toBe(403);
  expect(shown(await rows("span", [a.rootId]))).toEqual(before);
  // Their own identifier matches only their own row.
  expect(await deleteAnnotations(reviewer, "span", { identifier: "carol", delete_all: true })).toBe(204);
  expect(shown(await rows("span", [a.rootId]))).toEqual(before.filter(([, identifier]) => identifier !== "carol"));
});

test("annotations deleted by name, by time window and by identifier", async () => {
  // Neither a window nor delete_all: refused, nothing deleted.
  expect(await deleteAnnotations(lead, "span", { name: "correctness" })).toBe(422);
  expect(await deleteAnnotations(lead, "session", { name: "goal_met", start_time: startedAt })).toBe(422);
  expect(await deleteAnnotations(lead, "span", { name: "correctness", delete_all: true })).toBe(204);
  expect(await deleteAnnotations(lead, "trace", { name: "resolution", delete_all: true })).toBe(204);
  const endTime = new Date(Date.now() + 60_000).toISOString();
  expect(await deleteAnnotations(lead, "session", { name: "satisfaction", start_time: startedAt, end_time: endTime })).toBe(204);
  // Idempotent: matching nothing is still a success.
  expect(await deleteAnnotations(lead, "trace", { name: "resolution", delete_all: true })).toBe(204);
  for (const kind of ["span", "trace", "session"] as const) expect(await deleteAnnotations(lead, kind, { identifier: "bob", delete_all: true })).toBe(204);

  expect(shown(await rows("span", [a.rootId, a.retrieverId, d.rootId]))).toEqual([
    ["helpfulness", "alice", "helpful"], ["relevance", "alice", "relevant"], ["relevance", "alice", "relevant"],
  ]);
  // Notes are neither named resolution nor identified bob: untouched.
  expect(shown(await rows("trace", [a.traceId, b.traceId, e.traceId]))).toEqual([
    ["latency_ok", "alice", "fast"], ["note", "px", "check later"], ["note", "px", "escalate"],
  ]);
  expect(shown(await rows("session", [a.sessionId, b.sessionId]))).toEqual([["goal_met", "alice", "yes"], ["goal_met", "alice", "yes"]]);
});

test("a span, a trace, a session and a batch of sessions deleted", async () => {
  const spanIds = async () => (await spans.getSpans({ client: lead, project: { projectName: project.name }, limit: 100 })).spans.map((s) => s.context.span_id).sort();
  expect(await refusal(spans.deleteSpan({ client: reviewer, spanIdentifier: a.retrieverId }))).toBe(403);
  expect(await spanIds()).toHaveLength(10);

  // By GlobalID, then again by OTel id: gone.
  const retriever = (await spans.getSpans({ client: lead, project: { projectName: project.name }, traceIds: [a.traceId] })).spans
    .find((s) => s.context.span_id === a.retrieverId)!;
  await spans.deleteSpan({ client: lead, spanIdentifier: retriever.id! });
  expect(await refusal(spans.deleteSpan({ client: lead, spanIdentifier: a.retrieverId }))).toBe(404);

  const { response } = await lead.DELETE("/v1/traces/{trace_identifier}", { params: { path: { trace_identifier: e.traceId } } });
  expect(response.status).toBe(204);
  await sessions.deleteSession({ client: lead, sessionId: b.sessionId });

  const listed = await sessions.listSessions({ client: lead, projectName: project.name });
  const globalId = (sessionId: string) => listed.find((s) => s.sessionId === sessionId)!.id;
  // A GlobalID and a session id in one list: refused, nothing deleted.
  expect(await refusal(sessions.deleteSessions({ client: lead, sessionIds: [globalId(a.sessionId), c.sessionId] }))).toBe(422);
  await sessions.deleteSessions({ client: lead, sessionIds: [globalId(c.sessionId), globalId(d.sessionId), "UHJvamVjdFNlc3Npb246OTk5OTk5OQ=="] });

  expect(await spanIds()).toEqual([a.rootId]);
  const left = await sessions.listSessions({ client: lead, projectName: project.name });
  expect(left.map((s) => [s.sessionId, s.traces.map((t) => t.traceId)])).toEqual([[a.sessionId, [a.traceId]]]);
  const { traces: listedTraces } = await traces.getTraces({ client: lead, project: { projectName: project.name } });
  expect(listedTraces.map((t) => t.trace_id)).toEqual([a.traceId]);
  expect(await refusal(sessions.getSession({ client: lead, sessionId: b.sessionId }))).toBe(404);
});

test("the pages show what is left: span tree, trace summary, sessions, history of overwrites and deletes", async ({ page, request }) => {
  for (const gone of [paths.trace(project.name, b.traceId), paths.trace(project.name, e.traceId), paths.session(project.name, c.sessionId)]) {
    expect((await request.get(gone)).status(), gone).toBe(404);
  }

  await page.goto(paths.trace(project.name, a.traceId));
  const tree = page.getByRole("navigation", { name: "Span tree" });
  await expect(tree.getByRole("link", { name: /support_turn/ })).toBeVisible();
  await expect(tree.getByRole("link", { name: /retrieve_docs/ })).toHaveCount(0);
  await expect(page.locator("dt", { hasText: /^spans$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("1");
  const onTrace = page.getByRole("region", { name: "Annotations on this trace" }).locator("li[data-annotation]");
  await expect(onTrace).toHaveCount(1);
  await expect(onTrace).toHaveAttribute("data-annotation", "latency_ok");
  await expect(onTrace).toContainText("History (2 versions)");
  const onSpan = page.getByRole("region", { name: "Annotations on this span" }).locator("li[data-annotation]");
  await expect(onSpan).toHaveCount(1);
  await expect(onSpan).toHaveAttribute("data-annotation", "helpfulness");
  await expect(onSpan).toContainText("History (2 versions)");
  // What was deleted from the trace and its root span stays readable, folded, with who deleted it.
  const deleted = page.getByRole("region", { name: "Deleted annotations" });
  await deleted.getByText("Deleted (7)").click();
  const deletedRows = deleted.locator("li[data-deleted-annotation]");
  await expect(deletedRows).toHaveCount(7);
  const named = async (name: string) => (await deleted.locator(`li[data-deleted-annotation="${name}"]`).allTextContents()).length;
  expect([await named("resolution"), await named("latency_ok"), await named("correctness"), await named("helpfulness")]).toEqual([2, 1, 2, 2]);
  await expect(deleted.locator('li[data-deleted-annotation="resolution"]').first()).toContainText("deleted by Lee Lead");
  await expect(deleted.locator('li[data-deleted-annotation="helpfulness"]').filter({ hasText: "unhelpful" })).toContainText("by Rae Reviewer · deleted by Rae Reviewer");

  await page.goto(paths.traces(project.name));
  await expect(page.getByTestId("list-count")).toHaveText("1 trace");
  const traceRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: "support_turn" }) });
  await expect(traceRow).toContainText("1 spans");
  // The review summary: one "fast" left (bob's is gone), no "resolved".
  await expect(await cell(traceRow, "Review")).toHaveText("fast");

  await page.goto(paths.sessions(project.name));
  await expect(page.getByTestId("list-count")).toHaveText("1 session");
  const sessionRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: a.sessionId }) });
  await expect(await cell(sessionRow, "Turns")).toHaveText("1");
});

test("the project deleted over the API; every deleted annotation kept in history with who deleted it", async ({ page }) => {
  const { response } = await lead.DELETE("/v1/projects/{project_identifier}", { params: { path: { project_identifier: project.name } } });
  expect(response.status).toBe(204);
  const { data } = await lead.GET("/v1/projects");
  expect(data?.data.map((p) => p.name)).not.toContain(project.name);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await expect(page.getByRole("link", { name: project.name, exact: true })).toHaveCount(0);
  expect((await page.goto(paths.trace(project.name, a.traceId)))?.status()).toBe(404);

  // The project's pages are gone with it: its history is read from the table.
  test.skip(!process.env.DATABASE_URL, "history read from Postgres; this run uses PGlite");
  const projectRowId = Number(/^Project:(\d+)$/.exec(Buffer.from(project.id, "base64").toString())![1]);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const { rows: history } = await db.query<{ action: string; target: string; name: string; identifier: string; by: string | null }>(
      `SELECT h.action, h.target_type AS target, h.name, h.identifier, u.email AS by
       FROM annotation_history h LEFT JOIN users u ON u.id = h.replaced_by_id WHERE h.project_id = $1`,
      [projectRowId],
    );
    const got = history.map((h) => [h.action, h.target, h.name, h.identifier.startsWith("px-") ? "px" : h.identifier, h.by]).sort();
    const lee = "lead@example.com";
    expect(got).toEqual([
      // Overwritten, then deleted with the project.
      ["UPDATE", "SPAN", "helpfulness", "alice", lee], ["DELETE", "SPAN", "helpfulness", "alice", lee],
      ["UPDATE", "TRACE", "latency_ok", "alice", lee], ["DELETE", "TRACE", "latency_ok", "alice", lee],
      ["DELETE", "SESSION", "goal_met", "alice", lee],
      // The reviewer's own.
      ["DELETE", "SPAN", "helpfulness", "carol", "reviewer@example.com"],
      // By name, window and identifier.
      ["DELETE", "SPAN", "correctness", "alice", lee], ["DELETE", "SPAN", "correctness", "bob", lee],
      ["DELETE", "TRACE", "resolution", "alice", lee], ["DELETE", "TRACE", "resolution", "bob", lee],
      ["DELETE", "SESSION", "satisfaction", "alice", lee], ["DELETE", "SESSION", "satisfaction", "bob", lee],
      ["DELETE", "SPAN", "helpfulness", "bob", lee], ["DELETE", "TRACE", "latency_ok", "bob", lee], ["DELETE", "SESSION", "goal_met", "bob", lee],
      // With the span, the trace and the sessions they were on.
      ["DELETE", "SPAN", "relevance", "alice", lee], ["DELETE", "TRACE", "note", "px", lee],
      ["DELETE", "SESSION", "goal_met", "alice", lee], ["DELETE", "TRACE", "note", "px", lee],
      ["DELETE", "SPAN", "relevance", "alice", lee],
    ].sort());
  } finally {
    await db.end();
  }
});
