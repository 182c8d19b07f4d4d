import { describe, expect, it } from "vitest";
import { upsertAnnotations } from "@/lib/annotations/upsert-annotations";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { assignRubric, setProjectRubrics, unassignRubric } from "./project-rubrics";
import { createRubric, deleteRubric, getRubric, listRubrics, restoreRubric, updateRubric } from "./rubrics";

const db = useTestDatabase();
const password = "correct horse battery";

async function people() {
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD") => actorForUser(await createUser(admin, { name: role, email: `${role}@t.dev`, password, role }));
  return { admin, lead: await user("LEAD"), reviewer: await user("REVIEWER") };
}

const correctness = {
  name: "correctness", type: "CATEGORICAL" as const, optimizationDirection: "MAXIMIZE" as const,
  values: [{ label: "correct", score: 1 }, { label: "incorrect", score: 0 }],
};

describe("rubrics", () => {
  it("creates the three types and reads them back by id or name", async () => {
    const { lead, reviewer } = await people();
    const categorical = await createRubric(lead, correctness);
    const continuous = await createRubric(lead, { name: "quality", type: "CONTINUOUS", lowerBound: 0, upperBound: 10 });
    const freeform = await createRubric(lead, { name: "comments", type: "FREEFORM", optimizationDirection: null } as never);
    expect(categorical).toMatchObject({ values: [{ label: "correct", score: 1 }, { label: "incorrect", score: 0 }], targets: ["TRACE"] });
    expect(continuous).toMatchObject({ lowerBound: 0, upperBound: 10, values: [], optimizationDirection: "NONE" });
    expect(freeform.optimizationDirection).toBe("NONE");
    expect(await getRubric(reviewer, { name: "quality" })).toEqual(continuous);
    const page = await listRubrics(reviewer, { limit: 2 });
    expect(page.rows.map((r) => r.name)).toEqual(["comments", "quality"]);
    expect((await listRubrics(reviewer, { cursor: page.nextCursor! })).rows.map((r) => r.name)).toEqual(["correctness"]);
  });

  it("keeps whether review mode waits for a rubric: off by default, kept when an edit does not say", async () => {
    const { lead } = await people();
    const plain = await createRubric(lead, correctness);
    expect(plain.required).toBe(false);
    const required = await createRubric(lead, { ...correctness, name: "tone", required: true });
    expect(required.required).toBe(true);
    // An edit without the field (as the Phoenix REST API sends it) keeps it.
    expect((await updateRubric(lead, required.id, { ...correctness, name: "tone" })).required).toBe(true);
    expect((await updateRubric(lead, required.id, { ...correctness, name: "tone", required: false })).required).toBe(false);
    await expect(createRubric(lead, { ...correctness, name: "x", required: "yes" } as never)).rejects.toThrow(/required/);
  });

  it("refuses duplicates, the name note, bad bounds and reviewers", async () => {
    const { lead, reviewer } = await people();
    await createRubric(lead, correctness);
    await expect(createRubric(lead, correctness)).rejects.toThrow(ConflictError);
    await expect(createRubric(lead, { ...correctness, name: "note" })).rejects.toThrow(ConflictError);
    await expect(createRubric(lead, { name: "q", type: "CONTINUOUS", lowerBound: 5, upperBound: 1 })).rejects.toThrow(/lower bound/);
    await expect(createRubric(lead, { ...correctness, name: "x", values: [] })).rejects.toThrow(/at least one value/);
    await expect(createRubric(reviewer, { ...correctness, name: "y" })).rejects.toThrow(ForbiddenError);
    const other = await createRubric(lead, { ...correctness, name: "other" });
    await expect(updateRubric(lead, other.id, correctness)).rejects.toThrow(ConflictError);
  });

  it("deletes an unused rubric, archives a used one, and revives it on re-create", async () => {
    const { lead } = await people();
    const spans = ragTrace({ start: new Date("2026-11-20T10:00:00Z") });
    await ingestSpans(spans);
    const project = await db.project.findFirstOrThrow();
    const unused = await createRubric(lead, { ...correctness, name: "unused" });
    expect(await deleteRubric(lead, unused.id)).toMatchObject({ archived: false });
    expect(await db.rubric.count({ where: { id: unused.id } })).toBe(0);

    const used = await createRubric(lead, correctness);
    await assignRubric(lead, project.id, { id: used.id });
    await upsertAnnotations(lead, "SPAN", [{ target: "SPAN", externalId: spans[0].spanId, name: "correctness", label: "correct", annotatorKind: "HUMAN" }], "API");
    expect(await deleteRubric(lead, used.id)).toMatchObject({ archived: true });
    await expect(getRubric(lead, { id: used.id })).rejects.toThrow(NotFoundError);
    expect((await getRubric(lead, { id: used.id }, { includeArchived: true })).archivedAt).toBeInstanceOf(Date);
    expect(await db.projectRubric.count()).toBe(0);

    const again = await createRubric(lead, { name: "correctness", type: "FREEFORM" });
    expect(again).toMatchObject({ id: used.id, type: "FREEFORM", archivedAt: null });
    await deleteRubric(lead, again.id);
    expect((await restoreRubric(lead, again.id)).archivedAt).toBeNull();
  });

  it("assigns rubrics to projects idempotently and replaces the set", async () => {
    const { lead, reviewer } = await people();
    await ingestSpans(ragTrace({ start: new Date("2026-11-20T10:00:00Z") }));
    const project = await db.project.findFirstOrThrow();
    const a = await createRubric(lead, correctness);
    const b = await createRubric(lead, { name: "quality", type: "CONTINUOUS" });
    await assignRubric(lead, project.id, { name: "correctness" });
    await assignRubric(lead, project.id, { id: a.id });
    expect((await listRubrics(reviewer, { projectId: project.id })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await setProjectRubrics(lead, project.id, [b.id])).map((r) => r.id)).toEqual([b.id]);
    await expect(setProjectRubrics(lead, project.id, [b.id, 999])).rejects.toThrow("Annotation configs with ids 999 do not exist.");
    await unassignRubric(lead, project.id, { id: b.id });
    await unassignRubric(lead, project.id, { id: b.id });
    expect(await db.projectRubric.count()).toBe(0);
    await expect(assignRubric(reviewer, project.id, { id: a.id })).rejects.toThrow(ForbiddenError);
  });
});
