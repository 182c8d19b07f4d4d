import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { NotFoundError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { listTraceIds } from "@/lib/traces/list-traces";
import { annotationReader } from "@/lib/review/blind-review";
import { parseTraceFilters } from "@/lib/traces/trace-filters";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { openTraceReviewList } from "./open-review-list";
import { createReviewList, getReviewList, reviewListPosition } from "./review-lists";
import { REVIEW_LIST_MAX } from "./review-queue";
import { saveReviewAnnotation } from "./save-review-annotation";

const db = useTestDatabase();
const password = "correct horse battery";
const t0 = new Date("2026-11-20T10:00:00Z");

async function setUp(traces = 5) {
  await ingestSpans(Array.from({ length: traces }, (_, i) => ragTrace({ project: "support-bot", start: new Date(t0.getTime() + i * 60_000), input: `Invoice question ${i}` })).flat());
  await ingestSpans(ragTrace({ project: "other", start: t0 }));
  await seedDemoRubrics(db, "support-bot");
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "VIEWER", email: string) => actorForUser(await createUser(admin, { name: email, email, password, role }));
  const project = await db.project.findUniqueOrThrow({ where: { name: "support-bot" } });
  const other = await db.project.findUniqueOrThrow({ where: { name: "other" } });
  return { project, other, reviewer: await user("REVIEWER", "r@t.dev"), viewer: await user("VIEWER", "v@t.dev") };
}

const label = (traceId: string, value = "correct") => ({
  target: "TRACE" as const,
  item: { name: "correctness", annotator_kind: "HUMAN" as const, trace_id: traceId, result: { label: value } },
});

describe("review lists", () => {
  it("freezes 'not reviewed by me': labelling a trace moves nothing, and every position stays the trace it was", async () => {
    const { project, reviewer } = await setUp();
    const raw = { q: "invoice", reviewed: "not-me", sort: "time", dir: "asc" };
    const list = (await openTraceReviewList(reviewer, project, raw))!;
    expect(list.itemIds).toHaveLength(5);
    expect(list.query).toBe("q=invoice&reviewed=not-me&sort=time&dir=asc");
    const traces = await db.trace.findMany({ where: { projectId: project.id }, orderBy: { startTime: "asc" } });
    expect(list.itemIds).toEqual(traces.map((t) => t.id));

    for (let i = 0; i < 5; i++) {
      const before = await reviewListPosition(list, i, reviewer.userId);
      expect(before.currentId).toBe(traces[i].id);
      await saveReviewAnnotation(reviewer, label(traces[i].traceId));
      // The live filter has lost the trace; the list has not.
      expect(await listTraceIds(project.id, parseTraceFilters(raw), annotationReader(reviewer, project), 100)).toHaveLength(4 - i);
      const after = await reviewListPosition(await getReviewList(reviewer, project, list.id), i, reviewer.userId);
      expect(after).toMatchObject({ index: i, total: 5, currentId: traces[i].id, doneByMe: i + 1 });
      expect(after.nextIndex).toBe(i < 4 ? i + 1 : null);
    }
  });

  it("keeps the list's filters for 'Back to list' (the root span kind too), without position, paging or the list's kind", async () => {
    const { project, reviewer } = await setUp(2);
    const list = await openTraceReviewList(reviewer, project, { kind: "CHAIN", q: "invoice", cursor: "x", i: "3", of: "traces", tab: "attributes" });
    expect(list!.query).toBe("kind=CHAIN&q=invoice");
    expect(await openTraceReviewList(reviewer, project, { kind: "LLM" })).toBeNull();
  });

  it("clamps positions and gives neighbours", async () => {
    const { project, reviewer } = await setUp(3);
    const list = (await openTraceReviewList(reviewer, project, {}))!;
    expect(await reviewListPosition(list, -4, reviewer.userId)).toMatchObject({ index: 0, previousIndex: null, nextIndex: 1 });
    expect(await reviewListPosition(list, 99, reviewer.userId)).toMatchObject({ index: 2, previousIndex: 1, nextIndex: null });
    expect(await reviewListPosition(list, Number("x"), reviewer.userId)).toMatchObject({ index: 0 });
  });

  it("counts as done only the reader's labels and scores, not notes, and not another reader's", async () => {
    const { project, reviewer, viewer } = await setUp(2);
    const list = (await openTraceReviewList(reviewer, project, {}))!;
    const [first] = await db.trace.findMany({ where: { id: list.itemIds[0] } });
    await saveReviewAnnotation(reviewer, label(first.traceId));
    await db.annotation.create({ data: { projectId: project.id, targetType: "TRACE", targetId: list.itemIds[1], traceRowId: list.itemIds[1], name: "note", explanation: "hm", userId: reviewer.userId } });
    expect((await reviewListPosition(list, 0, reviewer.userId)).doneByMe).toBe(1);
    expect((await reviewListPosition(list, 0, viewer.userId)).doneByMe).toBe(0);
  });

  it("keeps at most REVIEW_LIST_MAX ids and says it was capped", async () => {
    const { project, reviewer } = await setUp(1);
    const ids = Array.from({ length: REVIEW_LIST_MAX + 1 }, (_, i) => i + 1);
    const list = await createReviewList(reviewer, project, { kind: "TRACE", ids, query: "" });
    expect(list.itemIds).toHaveLength(REVIEW_LIST_MAX);
    expect(list.capped).toBe(true);
    expect((await reviewListPosition(list, 0, reviewer.userId)).total).toBe(REVIEW_LIST_MAX);
  });

  it("lets any reader of the project walk a list; another project, an unknown or malformed id is not found", async () => {
    const { project, other, reviewer, viewer } = await setUp(2);
    const list = (await openTraceReviewList(reviewer, project, {}))!;
    expect((await getReviewList(viewer, project, list.id)).itemIds).toEqual(list.itemIds);
    await expect(getReviewList(reviewer, other, list.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReviewList(reviewer, project, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReviewList(reviewer, project, "'; DROP TABLE review_lists; --")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReviewList(null, project, list.id)).rejects.toThrow("Authentication required");
  });

  it("opens nothing over an empty list, and drops lists older than 30 days when making a new one", async () => {
    const { project, reviewer } = await setUp(2);
    expect(await openTraceReviewList(reviewer, project, { q: "nothing-matches-this" })).toBeNull();
    const old = await createReviewList(reviewer, project, { kind: "TRACE", ids: [1], query: "" });
    await db.reviewList.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    await createReviewList(reviewer, project, { kind: "TRACE", ids: [1], query: "" });
    expect(await db.reviewList.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.reviewList.count()).toBe(1);
  });
});
