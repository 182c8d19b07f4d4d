import { describe, expect, it } from "vitest";
import { deleteAnnotations } from "@/lib/annotations/delete-annotations";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { saveReviewAnnotation } from "./save-review-annotation";
import { deletedAnnotationsOnTargets } from "./target-annotations";

// The review panel's "Deleted" list: values deleted from a target, from
// history, with who deleted them; hidden from blind reviewers unless their own.
const db = useTestDatabase();
const password = "correct horse battery";

async function setUp() {
  await ingestSpans(ragTrace({ project: "support-bot", start: new Date("2026-11-20T10:00:00Z"), sessionId: "s-1" }));
  await seedDemoRubrics(db, "support-bot");
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD", name: string) =>
    actorForUser(await createUser(admin, { name, email: `${name.toLowerCase()}@t.dev`, password, role }));
  const project = await db.project.findUniqueOrThrow({ where: { name: "support-bot" } });
  const trace = await db.trace.findFirstOrThrow();
  return { project, trace, rae: await user("REVIEWER", "Rae"), rob: await user("REVIEWER", "Rob"), lead: await user("LEAD", "Lee") };
}

const correctness = (traceId: string, label: string) => ({
  target: "TRACE" as const,
  item: { name: "correctness", annotator_kind: "HUMAN" as const, trace_id: traceId, result: { label } },
});

describe("deleted annotations on a target", () => {
  it("lists what a delete removed, with its author and deleter, until the key holds a value again", async () => {
    const { project, trace, rae, rob, lead } = await setUp();
    await saveReviewAnnotation(rae, correctness(trace.traceId, "correct"));
    await saveReviewAnnotation(rob, correctness(trace.traceId, "incorrect"));
    const targets = [{ targetType: "TRACE" as const, targetId: trace.id }];
    expect(await deletedAnnotationsOnTargets(lead, project, targets)).toEqual([]);

    await deleteAnnotations(lead, project, "TRACE", { identifier: rob.identifier, deleteAll: true });
    const [deleted, ...more] = await deletedAnnotationsOnTargets(lead, project, targets);
    expect(more).toEqual([]);
    expect(deleted).toMatchObject({ targetType: "TRACE", name: "correctness", label: "incorrect", userName: "Rob", deletedByName: "Lee", mine: false, documentPosition: -1 });
    expect((await deletedAnnotationsOnTargets(rob, project, targets))[0]).toMatchObject({ label: "incorrect", mine: true });

    // Rob labels again: the key holds a value, so the old one is no longer "deleted".
    await saveReviewAnnotation(rob, correctness(trace.traceId, "partially_correct"));
    expect(await deletedAnnotationsOnTargets(lead, project, targets)).toEqual([]);
  });

  it("under blind review shows a reviewer only their own deleted values; leads see all", async () => {
    const { project, trace, rae, rob, lead } = await setUp();
    await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
    const blind = { ...project, blindReview: true };
    await saveReviewAnnotation(rae, correctness(trace.traceId, "correct"));
    await saveReviewAnnotation(rob, correctness(trace.traceId, "incorrect"));
    await deleteAnnotations(lead, project, "TRACE", { name: "correctness", deleteAll: true });
    const targets = [{ targetType: "TRACE" as const, targetId: trace.id }];
    expect((await deletedAnnotationsOnTargets(rae, blind, targets)).map((d) => d.label)).toEqual(["correct"]);
    expect((await deletedAnnotationsOnTargets(rob, blind, targets)).map((d) => d.label)).toEqual(["incorrect"]);
    expect((await deletedAnnotationsOnTargets(lead, blind, targets)).map((d) => d.label).sort()).toEqual(["correct", "incorrect"]);
  });
});
