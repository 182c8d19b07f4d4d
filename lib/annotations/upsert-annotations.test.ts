import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { writeNote } from "./notes";
import { upsertAnnotations, type AnnotationWrite } from "./upsert-annotations";

const db = useTestDatabase();
const password = "correct horse battery";

async function setUp() {
  const spans = ragTrace({ start: new Date("2026-11-20T10:00:00Z"), sessionId: "s-1" });
  await ingestSpans(spans);
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD" | "VIEWER", email: string) =>
    actorForUser(await createUser(admin, { name: email, email, password, role }));
  return {
    root: spans[0], retriever: spans[1],
    a: await user("REVIEWER", "a@t.dev"), b: await user("REVIEWER", "b@t.dev"),
    lead: await user("LEAD", "lead@t.dev"), viewer: await user("VIEWER", "v@t.dev"),
  };
}

const label = (spanId: string, value: string, identifier = ""): AnnotationWrite => ({
  target: "SPAN", externalId: spanId, name: "correctness", label: value, annotatorKind: "HUMAN", identifier,
});

describe("upsertAnnotations", () => {
  it("keeps two reviewers' labels side by side and overwrites only one's own, with history", async () => {
    const { root, a, b } = await setUp();
    const [idA] = await upsertAnnotations(a, "SPAN", [label(root.spanId, "correct", a.identifier)], "APP");
    await upsertAnnotations(b, "SPAN", [label(root.spanId, "incorrect", b.identifier)], "APP");
    const [again] = await upsertAnnotations(a, "SPAN", [label(root.spanId, "partially", a.identifier)], "APP");
    expect(again).toBe(idA);

    const rows = await db.annotation.findMany({ orderBy: { identifier: "asc" } });
    expect(rows.map((r) => [r.identifier, r.label, r.userId]).sort()).toEqual(
      [[a.identifier, "partially", a.userId], [b.identifier, "incorrect", b.userId]].sort(),
    );
    const history = await db.annotationHistory.findMany();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ annotationId: idA, action: "UPDATE", label: "correct", replacedById: a.userId });
  });

  it("refuses a reviewer overwriting another's key, but lets a lead", async () => {
    const { root, a, b, lead } = await setUp();
    await upsertAnnotations(a, "SPAN", [label(root.spanId, "correct")], "API");
    await expect(upsertAnnotations(b, "SPAN", [label(root.spanId, "wrong")], "API")).rejects.toThrow(ForbiddenError);
    expect((await db.annotation.findFirstOrThrow()).label).toBe("correct");
    await upsertAnnotations(lead, "SPAN", [label(root.spanId, "settled")], "API");
    expect((await db.annotation.findFirstOrThrow()).label).toBe("settled");
  });

  it("refuses a viewer", async () => {
    const { root, viewer } = await setUp();
    await expect(upsertAnnotations(viewer, "SPAN", [label(root.spanId, "x")], "API")).rejects.toThrow(ForbiddenError);
  });

  it("writes nothing when any target is missing, naming the missing ids", async () => {
    const { root, a } = await setUp();
    const error = await upsertAnnotations(a, "SPAN", [label(root.spanId, "ok"), label("ffffffffffffffff", "x"), label("eeeeeeeeeeeeeeee", "y")], "API").catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("Spans with IDs ffffffffffffffff, eeeeeeeeeeeeeeee do not exist.");
    expect(await db.annotation.count()).toBe(0);
  });

  it("annotates retrieved documents by position, refusing positions past the last document", async () => {
    const { retriever, a } = await setUp();
    const doc = (position: number): AnnotationWrite => ({
      target: "DOCUMENT", externalId: retriever.spanId, documentPosition: position, name: "relevance", score: 1, annotatorKind: "HUMAN",
    });
    const ids = await upsertAnnotations(a, "DOCUMENT", [doc(0), doc(2), doc(0)], "API");
    expect(ids[0]).toBe(ids[2]);
    expect(await db.annotation.count()).toBe(2);
    await expect(upsertAnnotations(a, "DOCUMENT", [doc(1), doc(3)], "API")).rejects.toThrow(UnprocessableError);
    expect(await db.annotation.count()).toBe(2);
  });

  it("annotates traces and sessions, keyed by their ids", async () => {
    const { root, a } = await setUp();
    const write = (target: "TRACE" | "SESSION", id: string): AnnotationWrite => ({
      target, externalId: id, name: "satisfaction", score: 0.8, annotatorKind: "LLM",
    });
    await upsertAnnotations(a, "TRACE", [write("TRACE", root.traceId)], "API");
    await upsertAnnotations(a, "SESSION", [write("SESSION", "s-1")], "API");
    const rows = await db.annotation.findMany({ select: { targetType: true, traceRowId: true, sessionRowId: true } });
    expect(rows.map((r) => r.targetType).sort()).toEqual(["SESSION", "TRACE"]);
    await expect(upsertAnnotations(a, "SESSION", [write("SESSION", "nope")], "API")).rejects.toThrow("Sessions with IDs nope do not exist.");
  });

  it("keeps one row and every version when writers race on one key", async () => {
    const { root, lead } = await setUp();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => upsertAnnotations(lead, "SPAN", [label(root.spanId, `v${i}`)], "API")),
    );
    expect(await db.annotation.count()).toBe(1);
    expect(await db.annotationHistory.count()).toBe(19);
  });

  it("refuses the loser when two reviewers race to create one key: one row, the other gets 403, never a missing id", async () => {
    const { root, a, b } = await setUp();
    const names = Array.from({ length: 24 }, (_, i) => `race-${i}`);
    const outcomes = await Promise.all(names.flatMap((name) => [a, b].map((actor) =>
      upsertAnnotations(actor, "SPAN", [{ ...label(root.spanId, actor.name), name }], "API").then(
        ([id]) => ({ id }),
        (error) => ({ error }),
      ))));
    for (let i = 0; i < names.length; i++) {
      const pair = outcomes.slice(2 * i, 2 * i + 2);
      const won = pair.filter((o) => "id" in o);
      expect(won).toHaveLength(1);
      expect(won[0]).toEqual({ id: expect.any(Number) });
      expect(pair.find((o) => "error" in o)).toEqual({ error: expect.any(ForbiddenError) });
    }
    expect(await db.annotation.count()).toBe(names.length);
  });

  it("lands none of a batch that loses a create race for one of its keys", async () => {
    const { root, retriever, a, b } = await setUp();
    const names = Array.from({ length: 24 }, (_, i) => `race-${i}`);
    const outcomes = await Promise.all(names.flatMap((name) => [
      upsertAnnotations(a, "SPAN", [{ ...label(root.spanId, "a"), name }], "API").then(() => "ok", () => "refused"),
      // B's batch: the contested key, and one only B writes.
      upsertAnnotations(b, "SPAN", [{ ...label(root.spanId, "b"), name }, { ...label(retriever.spanId, "b"), name }], "API")
        .then(() => "ok", (error) => (error instanceof ForbiddenError ? "refused" : String(error))),
    ]));
    for (let i = 0; i < names.length; i++) {
      expect([...outcomes.slice(2 * i, 2 * i + 2)].sort()).toEqual(["ok", "refused"]);
      const bLanded = outcomes[2 * i + 1] === "ok";
      expect(await db.annotation.count({ where: { name: names[i], userId: b.userId } })).toBe(bLanded ? 2 : 0);
    }
  });
});

describe("writeNote", () => {
  it("appends notes with px-span-note identifiers, or upserts with a given identifier", async () => {
    const { root, a } = await setUp();
    await writeNote(a, "SPAN", root.spanId, "first thought", { source: "APP" });
    await writeNote(a, "SPAN", root.spanId, "second thought", { source: "APP" });
    const id = await writeNote(a, "TRACE", root.traceId, "draft", { identifier: "mine", source: "API" });
    expect(await writeNote(a, "TRACE", root.traceId, "final", { identifier: "mine", source: "API" })).toBe(id);
    const notes = await db.annotation.findMany({ where: { name: "note" }, orderBy: { id: "asc" } });
    expect(notes).toHaveLength(3);
    expect(notes[0].identifier).toMatch(/^px-span-note:[0-9a-f-]{36}$/);
    expect(notes[2]).toMatchObject({ explanation: "final", annotatorKind: "HUMAN", userId: a.userId });
  });
});
