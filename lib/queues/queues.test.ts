import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { claimNext, completeAndClaimNext, completeReview, myFinishedItems, releaseItem, skipItem, workItem } from "./claims";
import { addItems, assignItems, fillFromRule, listItems, queueProgress, removeItems } from "./queue-items";
import type { QueueInput } from "./queue-schemas";
import { archiveQueue, createQueue, getQueue, listQueues, myQueues, updateQueue } from "./queues";

const db = useTestDatabase();
const password = "correct horse battery";
const t0 = new Date("2026-11-20T10:00:00Z");

async function world({ traces = 6, reviewers = 2 } = {}) {
  await ingestSpans(Array.from({ length: traces }, (_, i) => ragTrace({ project: "support-bot", start: new Date(t0.getTime() + i * 60_000), input: `Invoice question ${i}`, sessionId: `s-${i % 2}` })).flat());
  await ingestSpans(ragTrace({ project: "other", start: t0 }));
  await seedDemoRubrics(db, "support-bot");
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "LEAD" | "REVIEWER" | "VIEWER", email: string) => actorForUser(await createUser(admin, { name: email, email, password, role }));
  const project = await db.project.findUniqueOrThrow({ where: { name: "support-bot" } });
  const other = await db.project.findUniqueOrThrow({ where: { name: "other" } });
  const rubric = async (name: string) => (await db.rubric.findUniqueOrThrow({ where: { name } })).id;
  const traceRows = await db.trace.findMany({ where: { projectId: project.id }, orderBy: { startTime: "asc" } });
  return {
    admin, project, other,
    lead: await user("LEAD", "lead@t.dev"),
    viewer: await user("VIEWER", "viewer@t.dev"),
    reviewers: await Promise.all(Array.from({ length: reviewers }, (_, i) => user("REVIEWER", `r${i}@t.dev`))),
    correctness: await rubric("correctness"),
    helpfulness: await rubric("helpfulness"),
    faithfulness: await rubric("faithfulness"),
    traces: traceRows,
  };
}

const queueInput = (rubricIds: number[], extra: Partial<QueueInput> = {}): QueueInput => ({
  name: "Correctness pass", instructions: "Read the **answer**.", targetKind: "TRACE", rubricIds,
  reviewerIds: null, reviewsNeeded: 2, ...extra,
});

async function label(actor: Actor, targetId: number, value = "correct") {
  const trace = await db.trace.findUniqueOrThrow({ where: { id: targetId } });
  await saveReviewAnnotation(actor, { target: "TRACE", item: { name: "correctness", annotator_kind: "HUMAN", trace_id: trace.traceId, result: { label: value } } });
}
async function score(actor: Actor, targetId: number, value = 7) {
  const trace = await db.trace.findUniqueOrThrow({ where: { id: targetId } });
  await saveReviewAnnotation(actor, { target: "TRACE", item: { name: "helpfulness", annotator_kind: "HUMAN", trace_id: trace.traceId, result: { score: value } } });
}

describe("review queues: claims under concurrency", () => {
  it("50 concurrent claims by 10 reviewers on 20 items (N = 2): never one item to two reviewers while fresh, each item ends with exactly 2 DONE", async () => {
    const w = await world({ traces: 20, reviewers: 10 });
    const { id, added } = await createQueue(w.lead, w.project, queueInput([w.correctness]), { kind: "filter", query: "q=invoice" });
    expect(added).toBe(20);
    const got = new Map<string, Set<number>>(w.reviewers.map((r) => [r.userId!, new Set<number>()]));
    for (let round = 0; round < 50; round++) {
      // Five concurrent calls per reviewer, all at once.
      const calls = w.reviewers.flatMap((r) => Array.from({ length: 5 }, async () => ({ r, item: await claimNext(r, w.project, id) })));
      const results = (await Promise.all(calls)).filter((x) => x.item !== null);
      if (results.length === 0) break;
      const holders = new Map<number, Set<string>>();
      for (const { r, item } of results) holders.set(item!.itemId, (holders.get(item!.itemId) ?? new Set()).add(r.userId!));
      for (const users of holders.values()) expect(users.size).toBe(1);
      // A reviewer's five concurrent calls all give the one item they hold.
      for (const r of w.reviewers) expect(new Set(results.filter((x) => x.r === r).map((x) => x.item!.itemId)).size).toBeLessThanOrEqual(1);
      // The database agrees: every fresh claim is one reviewer's.
      const claimed = await db.queueItem.findMany({ where: { queueId: id, claimedById: { not: null } } });
      for (const item of claimed) expect([...holders.get(item.id)!]).toEqual([item.claimedById]);
      // Each reviewer finishes what they hold; nobody ever got an item they had finished.
      for (const [itemId, users] of holders) {
        const [userId] = [...users];
        const reviewer = w.reviewers.find((r) => r.userId === userId)!;
        expect(got.get(userId)!.has(itemId)).toBe(false);
        got.get(userId)!.add(itemId);
        const item = await db.queueItem.findUniqueOrThrow({ where: { id: itemId } });
        await label(reviewer, item.targetId);
        await completeReview(reviewer, w.project, id, itemId);
      }
    }
    const items = await db.queueItem.findMany({ where: { queueId: id }, include: { reviews: true } });
    expect(items).toHaveLength(20);
    for (const item of items) {
      expect(item.doneCount).toBe(2);
      expect(item.completedAt).not.toBeNull();
      expect(item.claimedById).toBeNull();
      expect(item.reviews.filter((r) => r.status === "DONE").map((r) => r.userId).sort()).toHaveLength(2);
      expect(new Set(item.reviews.map((r) => r.userId)).size).toBe(2);
    }
    const progress = await queueProgress(w.lead, w.project, id);
    expect(progress).toMatchObject({ itemCount: 20, completeCount: 20, inProgressCount: 0, reviewsDone: 40, reviewsWanted: 40 });
    expect(progress.perReviewer.reduce((sum, r) => sum + r.done, 0)).toBe(40);
    for (const r of w.reviewers) expect(await claimNext(r, w.project, id)).toBeNull();
  }, 180_000);

  it("gives a reviewer their current claim again, and a stale claim to the next reviewer; the late reviewer cannot complete it", async () => {
    const w = await world({ traces: 2, reviewers: 2 });
    const [a, b] = w.reviewers;
    const { id } = await createQueue(w.lead, w.project, queueInput([w.correctness], { reviewsNeeded: 1 }), { kind: "ids", ids: [w.traces[0].id] });
    const first = (await claimNext(a, w.project, id))!;
    expect(first).toMatchObject({ targetId: w.traces[0].id, mine: "claimed" });
    expect((await claimNext(a, w.project, id))!.itemId).toBe(first.itemId);
    expect(await claimNext(b, w.project, id)).toBeNull();
    await db.queueItem.update({ where: { id: first.itemId }, data: { claimExpiresAt: new Date(Date.now() - 1000) } });
    expect(await claimNext(b, w.project, id)).toMatchObject({ itemId: first.itemId });
    await label(a, w.traces[0].id);
    await expect(completeReview(a, w.project, id, first.itemId)).rejects.toThrow(ConflictError);
    await label(b, w.traces[0].id);
    await completeReview(b, w.project, id, first.itemId);
    expect(await db.queueItem.findUniqueOrThrow({ where: { id: first.itemId } })).toMatchObject({ doneCount: 1, claimedById: null });
    expect(await claimNext(a, w.project, id)).toBeNull();
  });

  it("an expired claim is handed out in queue order, before unclaimed items after it", async () => {
    const w = await world({ traces: 3, reviewers: 3 });
    const [a, b, c] = w.reviewers;
    const { id } = await createQueue(w.lead, w.project, queueInput([w.correctness], { reviewsNeeded: 1 }), { kind: "ids", ids: w.traces.map((t) => t.id) });
    const first = (await claimNext(a, w.project, id))!;
    const second = (await claimNext(b, w.project, id))!;
    expect(second.itemId).toBeGreaterThan(first.itemId);
    await db.queueItem.update({ where: { id: first.itemId }, data: { claimExpiresAt: new Date(Date.now() - 1000) } });
    expect(await claimNext(c, w.project, id)).toMatchObject({ itemId: first.itemId, mine: "claimed" });
    // With no expired claim left, the next unclaimed item in order.
    const third = (await claimNext(a, w.project, id))!;
    expect(third.itemId).toBeGreaterThan(second.itemId);
  });

  it("never gives a reviewer an item twice: not after finishing, not after skipping (the others still get it)", async () => {
    const w = await world({ traces: 3, reviewers: 2 });
    const [a, b] = w.reviewers;
    const { id } = await createQueue(w.lead, w.project, queueInput([w.correctness]), { kind: "ids", ids: w.traces.map((t) => t.id) });
    const one = (await claimNext(a, w.project, id))!;
    await expect(skipItem(a, w.project, id, one.itemId, "  ")).rejects.toThrow(ValidationError);
    await skipItem(a, w.project, id, one.itemId, "Not in English");
    const two = (await claimNext(a, w.project, id))!;
    expect(two.itemId).not.toBe(one.itemId);
    await label(a, two.targetId);
    const three = (await completeAndClaimNext(a, w.project, id, two.itemId))!;
    expect([one.itemId, two.itemId]).not.toContain(three.itemId);
    await releaseItem(a, w.project, id, three.itemId);
    expect((await claimNext(a, w.project, id))!.itemId).toBe(three.itemId);
    await label(a, three.targetId);
    expect(await completeAndClaimNext(a, w.project, id, three.itemId)).toBeNull();
    // b gets the skipped item first (lowest id).
    expect((await claimNext(b, w.project, id))!.itemId).toBe(one.itemId);
    expect(await myFinishedItems(a, w.project, id)).toEqual(expect.arrayContaining([
      { itemId: one.itemId, targetId: one.targetId, status: "SKIPPED" },
      { itemId: two.itemId, targetId: two.targetId, status: "DONE" },
    ]));
    expect(await workItem(a, w.project, id, two.itemId)).toMatchObject({ mine: "DONE" });
    expect(await workItem(b, w.project, id, one.itemId)).toMatchObject({ mine: "claimed" });
    await expect(workItem(b, w.project, id, two.itemId)).rejects.toThrow(ForbiddenError);
    const rows = (await listItems(w.lead, w.project, id, { reviewer: a.userId! })).rows;
    expect(rows.find((r) => r.id === one.itemId)!.reviews).toEqual([{ userId: a.userId, name: "r0@t.dev", status: "SKIPPED", reason: "Not in English" }]);
    expect(rows.find((r) => r.id === one.itemId)).toMatchObject({ status: "in-progress", claimedBy: { id: b.userId, name: "r1@t.dev" } });
    const progress = await queueProgress(w.lead, w.project, id);
    expect(progress.perReviewer).toEqual(expect.arrayContaining([
      { userId: a.userId, name: "r0@t.dev", email: "r0@t.dev", done: 2, skipped: 1, inProgress: 0 },
      { userId: b.userId, name: "r1@t.dev", email: "r1@t.dev", done: 0, skipped: 0, inProgress: 1 },
    ]));
    expect((await listItems(w.lead, w.project, id, { status: "in-progress" })).rows.map((r) => r.id)).toEqual([one.itemId]);
  });

  it("completes an item only with every rubric from N distinct reviewers; a second submit is a no-op", async () => {
    const w = await world({ traces: 1, reviewers: 2 });
    const [a, b] = w.reviewers;
    const { id } = await createQueue(w.lead, w.project, queueInput([w.correctness, w.helpfulness]), { kind: "ids", ids: [w.traces[0].id] });
    const item = (await claimNext(a, w.project, id))!;
    await label(a, item.targetId);
    const missing = await completeReview(a, w.project, id, item.itemId).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing.fieldErrors).toEqual({ rubrics: ["helpfulness"] });
    // b's annotation does not count for a.
    await expect(completeReview(b, w.project, id, item.itemId)).rejects.toThrow(ConflictError);
    await score(a, item.targetId);
    expect(await completeReview(a, w.project, id, item.itemId)).toEqual({ revisit: false });
    expect(await completeReview(a, w.project, id, item.itemId)).toEqual({ revisit: true });
    expect(await db.queueItem.findUniqueOrThrow({ where: { id: item.itemId } })).toMatchObject({ doneCount: 1, completedAt: null });
    expect(await claimNext(a, w.project, id)).toBeNull();
    expect((await claimNext(b, w.project, id))!.itemId).toBe(item.itemId);
    await label(b, item.targetId, "incorrect");
    await score(b, item.targetId, 2);
    await completeReview(b, w.project, id, item.itemId);
    const done = await db.queueItem.findUniqueOrThrow({ where: { id: item.itemId } });
    expect(done.doneCount).toBe(2);
    expect(done.completedAt).not.toBeNull();
    expect((await listItems(w.lead, w.project, id, { status: "complete" })).rows.map((r) => r.id)).toEqual([item.itemId]);
  });
});

describe("review queues: items", () => {
  it("adding the same targets twice is a no-op; only the project's targets are added", async () => {
    const w = await world({ traces: 4 });
    const otherTrace = await db.trace.findFirstOrThrow({ where: { projectId: w.other.id } });
    const { id, added } = await createQueue(w.lead, w.project, queueInput([w.correctness]), { kind: "ids", ids: [w.traces[0].id, w.traces[1].id, otherTrace.id] });
    expect(added).toBe(2);
    expect(await addItems(w.lead, w.project, id, { kind: "ids", ids: [w.traces[0].id, w.traces[1].id] })).toEqual({ added: 0, already: 2 });
    expect(await addItems(w.lead, w.project, id, { kind: "filter", query: "?q=invoice" })).toEqual({ added: 2, already: 2 });
    expect(await db.queueItem.count({ where: { queueId: id } })).toBe(4);
    const page = await listItems(w.lead, w.project, id, { limit: 3 });
    expect(page.rows).toHaveLength(3);
    const first = w.traces.find((t) => t.id === page.rows[0].targetId)!;
    expect(page.rows[0]).toMatchObject({ status: "open", doneCount: 0, target: { label: first.traceId, traceId: first.traceId, spanId: null, sessionId: null } });
    const rest = await listItems(w.lead, w.project, id, { limit: 3, cursor: page.nextCursor! });
    expect(rest.rows).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(await removeItems(w.lead, w.project, id, [page.rows[0].id])).toEqual({ removed: 1 });
    expect(await db.queueItem.count({ where: { queueId: id } })).toBe(3);
  });

  it("a rule queue takes every trace not yet reviewed for correctness, and keeps filling (throttled)", async () => {
    const w = await world({ traces: 3, reviewers: 1 });
    const [a] = w.reviewers;
    await label(a, w.traces[0].id);
    const { id, added } = await createQueue(w.lead, w.project, queueInput([w.correctness], { reviewsNeeded: 1 }), { kind: "rule", query: "missing=correctness" });
    expect(added).toBe(2);
    await ingestSpans(ragTrace({ project: "support-bot", start: new Date(t0.getTime() + 3_600_000) }));
    expect(await fillFromRule(id)).toBe(0); // filled just now
    await db.reviewQueue.update({ where: { id }, data: { ruleFilledAt: new Date(Date.now() - 60_000) } });
    const [x, y] = await Promise.all([fillFromRule(id), fillFromRule(id)]);
    expect(x + y).toBe(1);
    expect(await db.queueItem.count({ where: { queueId: id } })).toBe(3);
    expect((await getQueue(w.lead, w.project, id)).rule).toBe("missing=correctness");
  });

  it("a reviewer who ran out gets the rule queue's new matches on their next claim", async () => {
    const w = await world({ traces: 1, reviewers: 1 });
    const [a] = w.reviewers;
    // An adjudicated value alone is not a review.
    await db.annotation.create({ data: { projectId: w.project.id, targetType: "TRACE", targetId: w.traces[0].id, traceRowId: w.traces[0].id, name: "correctness", label: "correct", identifier: "adjudicated" } });
    const { id, added } = await createQueue(w.lead, w.project, queueInput([w.correctness], { reviewsNeeded: 1 }), { kind: "rule", query: "missing=correctness" });
    expect(added).toBe(1);
    const item = (await claimNext(a, w.project, id))!;
    await label(a, item.targetId);
    expect(await completeAndClaimNext(a, w.project, id, item.itemId)).toBeNull();
    const [fresh] = ragTrace({ project: "support-bot", start: new Date(t0.getTime() + 3_600_000) });
    await ingestSpans([fresh]);
    await db.reviewQueue.update({ where: { id }, data: { ruleFilledAt: new Date(Date.now() - 60_000) } });
    const next = (await claimNext(a, w.project, id))!;
    expect((await db.trace.findUniqueOrThrow({ where: { id: next.targetId } })).traceId).toBe(fresh.traceId);
  });

  it("spans and sessions queues take their own targets; rubrics must apply to the kind and belong to the project", async () => {
    const w = await world({ traces: 2 });
    await expect(createQueue(w.lead, w.project, queueInput([w.faithfulness]), { kind: "filter", query: "" })).rejects.toThrow(ValidationError);
    const spans = await createQueue(w.lead, w.project, queueInput([w.faithfulness], { name: "Spans", targetKind: "SPAN" }), { kind: "filter", query: "kind=LLM" });
    expect(spans.added).toBe(2);
    const row = (await listItems(w.lead, w.project, spans.id, {})).rows[0];
    expect(row.target?.spanId).toBeTruthy();
    const satisfaction = (await db.rubric.findUniqueOrThrow({ where: { name: "user_satisfaction" } })).id;
    const sessions = await createQueue(w.lead, w.project, queueInput([satisfaction], { name: "Sessions", targetKind: "SESSION" }), { kind: "filter", query: "" });
    expect(sessions.added).toBe(2);
    await db.projectRubric.deleteMany({ where: { projectId: w.project.id, rubricId: w.helpfulness } });
    await expect(createQueue(w.lead, w.project, queueInput([w.helpfulness], { name: "H" }), { kind: "filter", query: "" })).rejects.toThrow(ValidationError);
  });

  it("assigned items go to their reviewer first and to nobody else", async () => {
    const w = await world({ traces: 3, reviewers: 2 });
    const [a, b] = w.reviewers;
    const { id } = await createQueue(w.lead, w.project, queueInput([w.correctness]), { kind: "ids", ids: w.traces.map((t) => t.id) });
    const items = (await listItems(w.lead, w.project, id, {})).rows;
    await assignItems(w.lead, w.project, id, [items[2].id], b.userId!);
    expect((await claimNext(b, w.project, id))!.itemId).toBe(items[2].id);
    await releaseItem(b, w.project, id, items[2].id);
    const seenByA = [];
    for (let i = 0; i < 3; i++) {
      const item = await claimNext(a, w.project, id);
      if (!item) break;
      seenByA.push(item.itemId);
      await skipItem(a, w.project, id, item.itemId, "later");
    }
    expect(seenByA).toEqual([items[0].id, items[1].id]);
    await assignItems(w.lead, w.project, id, [items[2].id], null);
    expect((await claimNext(a, w.project, id))!.itemId).toBe(items[2].id);
  });
});

describe("review queues: who may do what", () => {
  it("a reviewer or viewer cannot create, change, archive or fill queues: 403 and nothing changed", async () => {
    const w = await world({ traces: 2, reviewers: 1 });
    const [a] = w.reviewers;
    const { id } = await createQueue(w.lead, w.project, queueInput([w.correctness]), { kind: "ids", ids: [w.traces[0].id] });
    const snapshot = async () => ({
      queues: await db.reviewQueue.findMany({ orderBy: { id: "asc" } }),
      items: await db.queueItem.findMany({ orderBy: { id: "asc" } }),
      rubrics: await db.queueRubric.findMany(),
      reviewers: await db.queueReviewer.findMany(),
    });
    const before = await snapshot();
    for (const actor of [a, w.viewer]) {
      await expect(createQueue(actor, w.project, queueInput([w.correctness], { name: "Mine" }), { kind: "filter", query: "" })).rejects.toThrow(ForbiddenError);
      await expect(updateQueue(actor, w.project, id, queueInput([w.correctness], { name: "Renamed" }))).rejects.toThrow(ForbiddenError);
      await expect(archiveQueue(actor, w.project, id, true)).rejects.toThrow(ForbiddenError);
      await expect(addItems(actor, w.project, id, { kind: "ids", ids: [w.traces[1].id] })).rejects.toThrow(ForbiddenError);
      await expect(removeItems(actor, w.project, id, [before.items[0].id])).rejects.toThrow(ForbiddenError);
      await expect(assignItems(actor, w.project, id, [before.items[0].id], a.userId)).rejects.toThrow(ForbiddenError);
    }
    await expect(createQueue(null, w.project, queueInput([w.correctness], { name: "Mine" }), { kind: "filter", query: "" })).rejects.toThrow(UnauthorizedError);
    await expect(claimNext(w.viewer, w.project, id)).rejects.toThrow(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });

  it("only the queue's reviewers (and leads) work a named queue; removing a reviewer releases their claims", async () => {
    const w = await world({ traces: 2, reviewers: 2 });
    const [a, b] = w.reviewers;
    const { id } = await createQueue(w.lead, w.project, queueInput([w.correctness], { reviewerIds: [a.userId!] }), { kind: "ids", ids: w.traces.map((t) => t.id) });
    await expect(claimNext(b, w.project, id)).rejects.toThrow(ForbiddenError);
    expect(await db.queueItem.count({ where: { claimedById: { not: null } } })).toBe(0);
    expect(await claimNext(w.lead, w.project, id)).not.toBeNull();
    const mine = (await claimNext(a, w.project, id))!;
    expect((await myQueues(a)).map((q) => q.id)).toEqual([id]);
    expect(await myQueues(b)).toEqual([]);
    expect(await myQueues(w.viewer)).toEqual([]);
    await updateQueue(w.lead, w.project, id, queueInput([w.correctness], { reviewerIds: [b.userId!] }));
    expect(await db.queueItem.findUniqueOrThrow({ where: { id: mine.itemId } })).toMatchObject({ claimedById: null });
    await expect(claimNext(a, w.project, id)).rejects.toThrow(ForbiddenError);
    expect(await claimNext(b, w.project, id)).toMatchObject({ itemId: mine.itemId });
    await expect(updateQueue(w.lead, w.project, id, queueInput([w.correctness], { reviewerIds: [w.viewer.userId!] }))).rejects.toThrow(ValidationError);
    await db.user.update({ where: { id: b.userId! }, data: { deactivatedAt: new Date() } });
    await expect(claimNext(b, w.project, id)).rejects.toThrow(ForbiddenError);
  });

  it("a new N re-decides which items are complete", async () => {
    const w = await world({ traces: 2, reviewers: 1 });
    const [a] = w.reviewers;
    const { id } = await createQueue(w.lead, w.project, queueInput([w.correctness]), { kind: "ids", ids: w.traces.map((t) => t.id) });
    const item = (await claimNext(a, w.project, id))!;
    await label(a, item.targetId);
    await completeReview(a, w.project, id, item.itemId);
    expect((await queueProgress(w.lead, w.project, id))).toMatchObject({ completeCount: 0, reviewsDone: 1, reviewsWanted: 4 });
    await updateQueue(w.lead, w.project, id, queueInput([w.correctness], { reviewsNeeded: 1 }));
    expect((await queueProgress(w.lead, w.project, id))).toMatchObject({ completeCount: 1, reviewsDone: 1, reviewsWanted: 2 });
    expect(await listQueues(a, w.project)).toMatchObject([{ itemCount: 2, completeCount: 1, leftForMe: 1, doneByMe: 1 }]);
    await updateQueue(w.lead, w.project, id, queueInput([w.correctness], { reviewsNeeded: 3, name: "Renamed", claimTimeoutMinutes: 5 }));
    expect(await getQueue(w.lead, w.project, id)).toMatchObject({ name: "Renamed", reviewsNeeded: 3, claimTimeoutSeconds: 300 });
    expect((await queueProgress(w.lead, w.project, id)).completeCount).toBe(0);
  });

  it("queues of another project are not found; archived queues hand out nothing and leave the list", async () => {
    const w = await world({ traces: 1, reviewers: 1 });
    const [a] = w.reviewers;
    const { id } = await createQueue(w.lead, w.project, queueInput([w.correctness]), { kind: "ids", ids: [w.traces[0].id] });
    await expect(getQueue(w.lead, w.other, id)).rejects.toThrow(NotFoundError);
    await expect(claimNext(a, w.other, id)).rejects.toThrow(NotFoundError);
    await expect(createQueue(w.lead, w.project, queueInput([w.correctness]), { kind: "filter", query: "" })).rejects.toThrow(ConflictError);
    const [summary] = await listQueues(a, w.project);
    expect(summary).toMatchObject({ id, projectName: "support-bot", itemCount: 1, completeCount: 0, leftForMe: 1, doneByMe: 0 });
    await archiveQueue(w.lead, w.project, id, true);
    await expect(claimNext(a, w.project, id)).rejects.toThrow(ForbiddenError);
    expect(await listQueues(a, w.project)).toEqual([]);
    expect((await listQueues(a, w.project, { archived: true })).map((q) => q.id)).toEqual([id]);
    expect(await myQueues(a)).toEqual([]);
  });
});
