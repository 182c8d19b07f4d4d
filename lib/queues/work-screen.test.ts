import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { claimNext, completeAndClaimNext, releaseItem, skipItem } from "./claims";
import { createQueue } from "./queues";
import { loadWorkTarget, queueStanding, targetLabels, workAhead, workItemView } from "./work-screen";

// The work screen's own reads: what is left for the reader, and the item's target.
const db = useTestDatabase();
const password = "correct horse battery";
const t0 = new Date("2026-11-20T10:00:00Z");

async function world() {
  await ingestSpans(Array.from({ length: 3 }, (_, i) => ragTrace({ project: "support-bot", start: new Date(t0.getTime() + i * 60_000), input: `Invoice question ${i}`, sessionId: `s-${i}` })).flat());
  await seedDemoRubrics(db, "support-bot");
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "LEAD" | "REVIEWER", email: string) => actorForUser(await createUser(admin, { name: email, email, password, role }));
  const project = await db.project.findUniqueOrThrow({ where: { name: "support-bot" } });
  const correctness = (await db.rubric.findUniqueOrThrow({ where: { name: "correctness" } })).id;
  return { project, correctness, lead: await user("LEAD", "lead@t.dev"), rae: await user("REVIEWER", "rae@t.dev"), rob: await user("REVIEWER", "rob@t.dev") };
}

describe("work screen reads", () => {
  it("counts what is left for the reader, what others hold, and the item the reader holds", async () => {
    const w = await world();
    const { id } = await createQueue(w.lead, w.project, { name: "Pass", instructions: "", targetKind: "TRACE", rubricIds: [w.correctness], reviewerIds: null, reviewsNeeded: 2 }, { kind: "filter", query: "q=invoice" });
    expect(await queueStanding(w.rae, id)).toEqual({ remaining: 3, heldByOthers: 0, mine: null });

    const raeItem = (await claimNext(w.rae, w.project, id))!;
    const robItem = (await claimNext(w.rob, w.project, id))!;
    expect(await queueStanding(w.rae, id)).toEqual({ remaining: 3, heldByOthers: 1, mine: raeItem.itemId });

    // Rae labels and completes hers (the next one comes with it), then skips that one.
    const trace = await db.trace.findUniqueOrThrow({ where: { id: raeItem.targetId } });
    await saveReviewAnnotation(w.rae, { target: "TRACE", item: { name: "correctness", annotator_kind: "HUMAN", trace_id: trace.traceId, result: { label: "correct" } } });
    const next = (await completeAndClaimNext(w.rae, w.project, id, raeItem.itemId))!;
    expect(next.itemId).not.toBe(robItem.itemId);
    await skipItem(w.rae, w.project, id, next.itemId, "not mine");
    // Left for Rae: Rob's item only, held by him.
    expect(await queueStanding(w.rae, id)).toEqual({ remaining: 1, heldByOthers: 1, mine: null });
    // Rob: all three, none held by another.
    expect(await queueStanding(w.rob, id)).toEqual({ remaining: 3, heldByOthers: 0, mine: robItem.itemId });
  });

  it("opens a trace, a span in its trace, a session; labels them; nothing from another project", async () => {
    const w = await world();
    const trace = await db.trace.findFirstOrThrow({ where: { projectId: w.project.id }, include: { spans: true, session: true } });
    const span = trace.spans.find((s) => s.parentSpanId)!;
    const asTrace = await loadWorkTarget(w.project.id, "TRACE", trace.id);
    expect(asTrace?.kind === "TRACE" && asTrace.detail.trace.traceId).toBe(trace.traceId);
    const asSpan = await loadWorkTarget(w.project.id, "SPAN", span.id);
    expect(asSpan?.kind === "SPAN" && [asSpan.spanId, asSpan.detail.trace.traceId]).toEqual([span.spanId, trace.traceId]);
    const asSession = await loadWorkTarget(w.project.id, "SESSION", trace.sessionRowId!);
    expect(asSession?.kind === "SESSION" && asSession.session.sessionId).toBe(trace.session!.sessionId);
    expect(await loadWorkTarget(w.project.id + 1000, "TRACE", trace.id)).toBeNull();
    const labels = await targetLabels(w.project.id, "SPAN", [span.id]);
    expect(labels.get(span.id)).toBe(`${span.name} ${span.spanId.slice(0, 8)}`);
  });

  it("claims the reader's next item ahead: a real claim no one else gets, handed back by the submit, released with Release", async () => {
    const w = await world();
    const { id } = await createQueue(w.lead, w.project, { name: "Ahead", instructions: "", targetKind: "TRACE", rubricIds: [w.correctness], reviewerIds: null, reviewsNeeded: 2 }, { kind: "filter", query: "q=invoice" });
    const queue = { id, targetKind: "TRACE" as const };
    const current = (await claimNext(w.rae, w.project, id))!;
    // Not held: nothing is claimed ahead of it.
    expect(await workAhead(w.rob, w.project, queue, current.itemId)).toBeNull();

    const ahead = (await workAhead(w.rae, w.project, queue, current.itemId))!;
    expect(ahead.item.itemId).not.toBe(current.itemId);
    expect(ahead.item.mine).toBe("claimed");
    expect(ahead.view?.detail.trace.id).toBe(ahead.item.targetId);
    // Asked again (a reload, a second tab): the same claim, never a third item.
    expect((await workAhead(w.rae, w.project, queue, current.itemId))!.item.itemId).toBe(ahead.item.itemId);
    expect(await db.queueItem.count({ where: { queueId: id, claimedById: w.rae.userId! } })).toBe(2);

    // Rob is handed neither of Rae's items, and sees both held.
    const robItem = (await claimNext(w.rob, w.project, id))!;
    expect([current.itemId, ahead.item.itemId]).not.toContain(robItem.itemId);
    expect(await queueStanding(w.rob, id)).toMatchObject({ remaining: 3, heldByOthers: 2 });
    // With Rob holding the third, nothing is left to claim ahead of his.
    expect(await workAhead(w.rob, w.project, queue, robItem.itemId)).toBeNull();

    // Rae submits: the claim-next hands back the item held ahead, its claim renewed.
    const trace = await db.trace.findUniqueOrThrow({ where: { id: current.targetId } });
    await saveReviewAnnotation(w.rae, { target: "TRACE", item: { name: "correctness", annotator_kind: "HUMAN", trace_id: trace.traceId, result: { label: "correct" } } });
    const next = (await completeAndClaimNext(w.rae, w.project, id, current.itemId))!;
    expect(next.itemId).toBe(ahead.item.itemId);
    expect(next.claimExpiresAt!.getTime()).toBeGreaterThanOrEqual(ahead.item.claimExpiresAt!.getTime());

    // An item's view is read again only by the reviewer who holds or finished it.
    expect((await workItemView(w.rae, w.project, queue, current.itemId))?.detail.trace.id).toBe(current.targetId);
    await expect(workItemView(w.rob, w.project, queue, current.itemId)).rejects.toThrow(/not yours/);

    // Release gives back the item and the one held ahead of it.
    await db.queueItem.update({ where: { id: robItem.itemId }, data: { claimedById: null, claimedAt: null, claimExpiresAt: null } });
    const third = (await workAhead(w.rae, w.project, queue, next.itemId))!;
    expect(third.item.itemId).toBe(robItem.itemId);
    await releaseItem(w.rae, w.project, id, next.itemId);
    expect(await db.queueItem.count({ where: { queueId: id, claimedById: w.rae.userId! } })).toBe(0);
  });
});
