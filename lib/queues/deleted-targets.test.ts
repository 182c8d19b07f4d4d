import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { deleteSession, deleteSpan, deleteTrace } from "@/lib/deletion/delete-targets";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { claimNext } from "./claims";
import { listItems, queueProgress } from "./queue-items";
import type { QueueInput } from "./queue-schemas";
import { createQueue } from "./queues";
import { queueStanding } from "./work-screen";

// A trace, span or session deleted under a queue: its item stays (the queue page
// says "deleted"), but it is never handed out again and no claim on it stays held.
const db = useTestDatabase();
const password = "correct horse battery";
const t0 = new Date("2026-11-20T10:00:00Z");

async function world() {
  await ingestSpans(Array.from({ length: 3 }, (_, i) => ragTrace({ project: "support-bot", start: new Date(t0.getTime() + i * 60_000), sessionId: `s-${i}` })).flat());
  await seedDemoRubrics(db, "support-bot");
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "LEAD" | "REVIEWER", email: string) => actorForUser(await createUser(admin, { name: email, email, password, role }));
  const project = await db.project.findUniqueOrThrow({ where: { name: "support-bot" } });
  const rubric = async (name: string) => (await db.rubric.findUniqueOrThrow({ where: { name } })).id;
  return {
    project, lead: await user("LEAD", "lead@t.dev"), rae: await user("REVIEWER", "rae@t.dev"), rob: await user("REVIEWER", "rob@t.dev"),
    correctness: await rubric("correctness"), faithfulness: await rubric("faithfulness"), satisfaction: await rubric("user_satisfaction"),
    traces: await db.trace.findMany({ where: { projectId: project.id }, orderBy: { startTime: "asc" } }),
  };
}

const queueInput = (name: string, targetKind: QueueInput["targetKind"], rubricIds: number[]): QueueInput => ({
  name, instructions: "", targetKind, rubricIds, reviewerIds: null, reviewsNeeded: 1,
});

describe("queue items whose target was deleted", () => {
  it("a held trace is released when deleted, and neither it nor other deleted traces are handed out or counted", async () => {
    const w = await world();
    const { id } = await createQueue(w.lead, w.project, queueInput("Traces", "TRACE", [w.correctness]), { kind: "ids", ids: w.traces.map((t) => t.id) });
    const held = (await claimNext(w.rae, w.project, id))!;
    expect(await queueProgress(w.lead, w.project, id)).toMatchObject({ itemCount: 3, inProgressCount: 1 });
    const [other, live] = w.traces.filter((t) => t.id !== held.targetId);

    await deleteTrace(w.lead, w.traces.find((t) => t.id === held.targetId)!.traceId);
    await deleteTrace(w.lead, other.traceId);

    expect(await queueProgress(w.lead, w.project, id)).toMatchObject({ itemCount: 3, inProgressCount: 0, completeCount: 0 });
    expect(await queueStanding(w.rae, id)).toEqual({ remaining: 1, heldByOthers: 0, mine: null });
    // Rae gets the one live trace; then nothing is left for Rob.
    expect((await claimNext(w.rae, w.project, id))!.targetId).toBe(live.id);
    expect(await claimNext(w.rob, w.project, id)).toBeNull();
    // The items stay listed, two without a target (the page says "deleted").
    const rows = (await listItems(w.lead, w.project, id, {})).rows;
    expect(rows.filter((row) => row.target === null).map((row) => row.targetId).sort()).toEqual([held.targetId, other.id].sort());
    expect(rows).toHaveLength(3);
  });

  it("span and session queues skip targets deleted with their trace or session", async () => {
    const w = await world();
    const llmSpans = await db.span.findMany({ where: { projectId: w.project.id, name: "generate_answer" }, orderBy: { startTime: "asc" } });
    const spans = await createQueue(w.lead, w.project, queueInput("Spans", "SPAN", [w.faithfulness]), { kind: "ids", ids: llmSpans.map((s) => s.id) });
    const sessionRows = await db.session.findMany({ where: { projectId: w.project.id }, orderBy: { sessionId: "asc" } });
    const sessions = await createQueue(w.lead, w.project, queueInput("Sessions", "SESSION", [w.satisfaction]), { kind: "ids", ids: sessionRows.map((s) => s.id) });

    await deleteSession(w.lead, "s-0");
    await deleteSpan(w.lead, llmSpans[1].spanId);

    // s-0 held the first LLM span's trace: of the three spans, only the last is left.
    expect((await claimNext(w.rae, w.project, spans.id))!.targetId).toBe(llmSpans[2].id);
    expect(await claimNext(w.rob, w.project, spans.id)).toBeNull();
    expect([sessionRows[1].id, sessionRows[2].id]).toContain((await claimNext(w.rae, w.project, sessions.id))!.targetId);
    expect(await queueStanding(w.rob, sessions.id)).toEqual({ remaining: 2, heldByOthers: 1, mine: null });
  });
});
