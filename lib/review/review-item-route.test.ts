import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/review/[projectName]/lists/[listId]/items/[index]/route";
import { SESSION_COOKIE } from "@/lib/auth/current-actor";
import { openSession } from "@/lib/auth/sessions";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { loadTraceReviewItem, type TraceReviewItem } from "@/lib/review/review-item";
import { parseWithDates, stringifyWithDates } from "@/lib/review/review-json";
import { createReviewList } from "@/lib/review/review-lists";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "@/tests/api/api-fixtures";

// The browser's session cookie, as next/headers would read it (route handlers run without a server here).
const cookieJar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined) }),
  headers: async () => new Headers(),
}));

const db = useTestDatabase();
beforeEach(() => cookieJar.clear());

/** The RAG trace of project "default" in a review list, blind review on, the lead's label on it. */
async function world() {
  const w = await apiWorld();
  await seedDemoRubrics(db, "default");
  await db.project.update({ where: { name: "default" }, data: { blindReview: true } });
  const project = await db.project.findUniqueOrThrow({ where: { name: "default" }, select: { id: true, name: true, description: true, blindReview: true } });
  const trace = await db.trace.findFirstOrThrow({ where: { traceId: w.traceId }, select: { id: true } });
  const list = await createReviewList(w.reviewer.actor, project, { kind: "TRACE", ids: [trace.id], query: "" });
  await saveReviewAnnotation(w.lead.actor, { target: "TRACE", item: { name: "correctness", annotator_kind: "HUMAN", trace_id: w.traceId, result: { label: "correct" } } });
  return { ...w, project, list };
}

const get = (listId: string, index: string, { project = "default", query = "" } = {}) =>
  call(GET, { path: `/api/review/${project}/lists/${listId}/items/${index}${query}`, params: { projectName: project, listId, index } });

const signIn = async (userId: string) => cookieJar.set(SESSION_COOKIE, (await openSession(userId)).token);

describe("review item route", () => {
  it("answers a list position as review mode shows it, Dates revived, blind review applied", async () => {
    const w = await world();
    await signIn(w.reviewer.actor.userId!);
    const response = await get(w.list.id, "0");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const item = parseWithDates<TraceReviewItem>(await response.text());
    expect(item).toEqual(await loadTraceReviewItem(w.reviewer.actor, w.project, w.list.id, 0));
    expect(item.trace!.detail.trace.startTime).toBeInstanceOf(Date);
    expect(item.position).toMatchObject({ index: 0, total: 1, nextIndex: null, previousIndex: null, doneByMe: 0 });
    // The reviewer has not labelled correctness: the lead's label is there, hidden.
    expect(item.trace!.review.traceAnnotations.find((a) => a.name === "correctness")).toMatchObject({ hidden: true, label: null, score: null });
    // The lead sees it.
    await signIn(w.lead.actor.userId!);
    const lead = parseWithDates<TraceReviewItem>(await (await get(w.list.id, "0")).text());
    expect(lead.trace!.review.traceAnnotations.find((a) => a.name === "correctness")).toMatchObject({ hidden: false, label: "correct" });
  });

  it("selects the span asked for", async () => {
    const w = await world();
    await signIn(w.reviewer.actor.userId!);
    const item = parseWithDates<TraceReviewItem>(await (await get(w.list.id, "0", { query: `?span=${w.llm.spanId}` })).text());
    expect(item.selectedSpanId).toBe(w.llm.spanId);
  });

  it("401 without a session; 404 for an unknown project or list, another project's list, bad params", async () => {
    const w = await world();
    expect((await get(w.list.id, "0")).status).toBe(401);
    await signIn(w.reviewer.actor.userId!);
    expect((await get(w.list.id, "0", { project: "nope" })).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000", "0")).status).toBe(404);
    expect((await get("not-a-uuid", "0")).status).toBe(404);
    expect((await get(w.list.id, "-1")).status).toBe(404);
    expect((await get(w.list.id, "0", { query: "?span=<script>" })).status).toBe(404);
    await db.project.create({ data: { name: "other" } });
    expect((await get(w.list.id, "0", { project: "other" })).status).toBe(404);
  });
});

describe("review JSON", () => {
  it("round-trips Dates and leaves date-like strings alone", () => {
    const value = { at: new Date("2026-12-02T10:00:00.000Z"), text: "2026-12-02T10:00:00.000Z", nested: [{ at: new Date(0) }] };
    const back = parseWithDates<typeof value>(stringifyWithDates(value));
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.getTime()).toBe(value.at.getTime());
    expect(back.text).toBe(value.text);
    expect(back.nested[0]!.at.getTime()).toBe(0);
  });
});
