import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/projects/[projectName]/dashboards/[section]/route";
import { POST as postSessions } from "@/app/v1/session_annotations/route";
import { openSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/current-actor";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { loadDashboardSection } from "@/lib/dashboards/sections";
import { sectionTable } from "@/lib/dashboards/section-table";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

// The browser's session cookie, as next/headers would read it (route handlers run without a server here).
const cookieJar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined) }),
  headers: async () => new Headers(),
}));

const db = useTestDatabase();
beforeEach(() => cookieJar.clear());

/** Session s-1 rated by a reviewer (2) and the lead (4) in the app, and by an LLM judge (3) over the API. */
async function world() {
  const w = await apiWorld();
  await seedDemoRubrics(db, "default");
  const project = await db.project.findUniqueOrThrow({ where: { name: "default" }, select: { id: true, name: true, description: true, blindReview: true } });
  const rate = (score: number) => ({ target: "SESSION" as const, item: { name: "user_satisfaction", annotator_kind: "HUMAN" as const, session_id: w.sessionId, result: { score } } });
  await saveReviewAnnotation(w.reviewer.actor, rate(2));
  await saveReviewAnnotation(w.lead.actor, rate(4));
  const judge = { data: [{ session_id: w.sessionId, name: "user_satisfaction", annotator_kind: "LLM", identifier: "judge", result: { score: 3 } }] };
  expect((await call(postSessions, { path: "/v1/session_annotations?sync=true", key: w.lead.key, body: judge })).status).toBe(200);
  return { ...w, project };
}

const get = (section: string, query = "", auth: { key?: string; project?: string } = {}) =>
  call(GET, {
    path: `/api/projects/${auth.project ?? "default"}/dashboards/${section}${query ? `?${query}` : ""}`,
    key: auth.key,
    params: { projectName: auth.project ?? "default", section },
  });

describe("dashboard data route", () => {
  it("serves a section as the JSON the page draws, with an API key", async () => {
    const w = await world();
    const response = await get("satisfaction", "", { key: w.lead.key });
    expect(response.status).toBe(200);
    const body = await response.json();
    const expected = await loadDashboardSection("satisfaction", w.lead.actor, w.project, parseDashboardFilters({}));
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.rubric.name).toBe("user_satisfaction");
    expect([body.sessions, body.ratedByHuman, body.ratedByLlm]).toEqual([1, 1, 1]);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("serves one part as CSV that parses back to the table view's cells", async () => {
    const w = await world();
    const response = await get("satisfaction", "format=csv&part=rated", { key: w.lead.key });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="default-satisfaction-rated.csv"');
    expect(parse(await response.text())).toEqual([["annotator_kind", "rated", "sessions", "share"], ["HUMAN", "1", "1", "1"], ["LLM", "1", "1", "1"]]);

    // The whole section: every part stacked, each cell as the table view has it (quotes, commas and newlines intact).
    const whole = await get("satisfaction", "format=csv", { key: w.lead.key });
    const data = await loadDashboardSection("satisfaction", w.lead.actor, w.project, parseDashboardFilters({}));
    const table = sectionTable("satisfaction", data);
    expect(parse(await whole.text())).toEqual([table.columns, ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell))))]);
    expect(table.rows.map((row) => row[0])).toContain("lowest");
  });

  it("applies the filters: a range with no sessions has nothing rated", async () => {
    const w = await world();
    const body = await (await get("satisfaction", "from=2030-01-01&bucket=week", { key: w.lead.key })).json();
    expect([body.sessions, body.ratedByHuman, body.ratedByLlm, body.overTime.length]).toEqual([0, 0, 0, 0]);
    const llmOnly = await (await get("satisfaction", "kind=LLM", { key: w.lead.key })).json();
    const bars = llmOnly.distribution as { annotatorKind: string; count: number }[];
    expect([...new Set(bars.map((b) => b.annotatorKind))]).toEqual(["LLM"]);
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(1);
  });

  it("answers 422 naming the parameter for a bad value, an unknown parameter or part", async () => {
    const w = await world();
    for (const [query, field] of [["bucket=month", "bucket"], ["from=yesterday", "from"], ["reviewer=bob", "reviewer"], ["kind=ROBOT", "kind"], ["format=xml", "format"], ["rubirc=helpfulness", "rubirc"], ["part=lowest", "part"]]) {
      const response = await get("coverage", query, { key: w.lead.key });
      expect(response.status, query).toBe(422);
      const body = await response.json();
      expect(Object.keys(body.errors), query).toEqual([field]);
      expect(body.detail, query).toContain(field);
    }
  });

  it("answers 404 for an unknown section or project", async () => {
    const w = await world();
    expect((await get("happiness", "", { key: w.lead.key })).status).toBe(404);
    expect((await get("coverage", "", { key: w.lead.key, project: "nope" })).status).toBe(404);
  });

  it("reads with the signed-in session cookie; without it or with a bad key, 401", async () => {
    const w = await world();
    expect((await get("coverage")).status).toBe(401);
    expect((await get("coverage", "", { key: w.revokedKey })).status).toBe(401);
    expect((await get("coverage", "", { key: "mgk_not-a-key" })).status).toBe(401);
    cookieJar.set(SESSION_COOKIE, (await openSession(w.lead.actor.userId!)).token);
    const response = await get("coverage");
    expect(response.status).toBe(200);
    expect((await response.json()).rows.find((r: { targetKind: string }) => r.targetKind === "SESSION")).toEqual({ targetKind: "SESSION", total: 1, annotated: 1 });
    expect((await get("progress", "", { key: w.viewer.key })).status).toBe(200);
  });
});
