import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { COUNT_CAP, formatCappedCount } from "@/lib/pagination/capped-count";
import { annotationReader } from "@/lib/review/blind-review";
import { openSessionReviewList } from "@/lib/review/open-review-list";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { countSessions, listSessionIds, listSessions } from "./list-sessions";
import { parseSessionFilters } from "./session-filters";
import { sessionRubricFor } from "./session-rubric";

const db = useTestDatabase();
const password = "correct horse battery";
const day = 86_400_000;
const t0 = new Date("2026-11-20T10:00:00Z");

// s-1 … s-5: s-n has n turns and starts n days after t0; s-2 and s-4 talk about an export.
async function setUp() {
  for (let n = 1; n <= 5; n++) {
    const start = t0.getTime() + n * day;
    await ingestSpans(Array.from({ length: n }, (_, turn) => ragTrace({
      project: "support-bot", sessionId: `s-${n}`, start: new Date(start + turn * 60_000),
      input: n % 2 === 0 && turn === n - 1 ? "Can I export our workspace?" : "How do I reset my password?",
    })).flat());
    await db.session.update({ where: { sessionId: `s-${n}` }, data: { userId: `user-${n}` } });
  }
  await seedDemoRubrics(db, "support-bot");
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD", email: string) => actorForUser(await createUser(admin, { name: email, email, password, role }));
  const project = await db.project.findUniqueOrThrow({ where: { name: "support-bot" } });
  return { project, a: await user("REVIEWER", "a@t.dev"), b: await user("REVIEWER", "b@t.dev"), lead: await user("LEAD", "l@t.dev") };
}

const rate = (actor: Actor, sessionId: string, score: number) =>
  saveReviewAnnotation(actor, { target: "SESSION", item: { name: "user_satisfaction", annotator_kind: "HUMAN", session_id: sessionId, result: { score } } });

async function list(actor: Actor, project: { id: number; blindReview: boolean }, params: Record<string, string>) {
  const filters = parseSessionFilters(params);
  const ctx = { rubric: await sessionRubricFor(project.id, filters.rubric), reader: annotationReader(actor, project) };
  return { page: await listSessions(project.id, filters, ctx), count: await countSessions(project.id, filters, ctx), ids: await listSessionIds(project.id, filters, ctx, 100) };
}
const names = (rows: { sessionId: string }[]) => rows.map((r) => r.sessionId);

describe("listSessions", () => {
  it("searches turns' text, a session id or a user id exactly", async () => {
    const { project, a } = await setUp();
    expect(names((await list(a, project, { q: "export" })).page.rows)).toEqual(["s-4", "s-2"]);
    expect(names((await list(a, project, { q: "s-3" })).page.rows)).toEqual(["s-3"]);
    expect(names((await list(a, project, { q: "user-5" })).page.rows)).toEqual(["s-5"]);
    expect((await list(a, project, { q: "s-" })).page.rows).toEqual([]);
  });

  it("filters by turns and by dates, a bare 'to' date taking in the whole day", async () => {
    const { project, a } = await setUp();
    expect(names((await list(a, project, { turnsMin: "2", turnsMax: "4" })).page.rows)).toEqual(["s-4", "s-3", "s-2"]);
    const date = (n: number) => new Date(t0.getTime() + n * day).toISOString().slice(0, 10);
    expect(names((await list(a, project, { from: date(2), to: date(3) })).page.rows)).toEqual(["s-3", "s-2"]);
  });

  it("shows the mean score and count of ratings, filters rated / unrated and by mean, sorts by satisfaction with unrated last", async () => {
    const { project, a, b } = await setUp();
    await rate(a, "s-1", 2);
    await rate(b, "s-1", 5);
    await rate(a, "s-3", 4);
    await rate(a, "s-5", 1);
    const all = (await list(a, project, { sort: "satisfaction" })).page.rows;
    expect(all.map((r) => [r.sessionId, r.meanScore, r.ratingCount])).toEqual([
      ["s-3", 4, 1], ["s-1", 3.5, 2], ["s-5", 1, 1], ["s-4", null, 0], ["s-2", null, 0],
    ]);
    expect(names((await list(a, project, { sort: "satisfaction", dir: "asc" })).page.rows)).toEqual(["s-5", "s-1", "s-3", "s-2", "s-4"]);
    expect(names((await list(a, project, { rated: "unrated" })).page.rows)).toEqual(["s-4", "s-2"]);
    const rated = await list(a, project, { rated: "rated", scoreMin: "3.5" });
    expect(names(rated.page.rows)).toEqual(["s-3", "s-1"]);
    expect(rated.count).toEqual({ count: 2, capped: false });
  });

  it("pages by keyset on every sort without repeating or losing a session, in the order review mode freezes", async () => {
    const { project, a } = await setUp();
    await rate(a, "s-2", 3);
    await rate(a, "s-4", 3);
    for (const sort of ["time", "turns", "satisfaction"]) {
      for (const dir of ["asc", "desc"]) {
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const { page } = await list(a, project, { sort, dir, limit: "2", ...(cursor ? { cursor } : {}) });
          seen.push(...page.rows.map((r) => r.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen, `${sort} ${dir}`).toEqual((await list(a, project, { sort, dir })).ids);
        expect(new Set(seen).size).toBe(5);
      }
    }
    const frozen = await openSessionReviewList(a, project, { of: "sessions", sort: "satisfaction", q: "export" });
    expect(frozen!.kind).toBe("SESSION");
    expect(frozen!.query).toBe("sort=satisfaction&q=export");
    expect(frozen!.itemIds).toEqual((await list(a, project, { sort: "satisfaction", q: "export" })).ids);
  });

  it("under blind review shows a reviewer others' ratings only on sessions they rated themselves; a lead sees all", async () => {
    const { project, a, b, lead } = await setUp();
    const blind = await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
    await rate(a, "s-1", 2);
    await rate(a, "s-2", 4);
    const rowOf = async (actor: Actor, params: Record<string, string> = {}) =>
      Object.fromEntries((await list(actor, blind, params)).page.rows.map((r) => [r.sessionId, [r.meanScore, r.ratingCount]]));
    expect((await rowOf(b))["s-1"]).toEqual([null, 0]);
    expect(names((await list(b, blind, { rated: "rated" })).page.rows)).toEqual([]);
    expect((await list(b, blind, { scoreMin: "1" })).count.count).toBe(0);
    await rate(b, "s-1", 5);
    expect(await rowOf(b, { rated: "rated" })).toEqual({ "s-1": [3.5, 2] });
    expect(await rowOf(lead, { rated: "rated" })).toEqual({ "s-2": [4, 1], "s-1": [3.5, 2] });
  });

  it("counts up to the cap and says 1,000+ past it", async () => {
    const { project, a } = await setUp();
    await db.session.createMany({
      data: Array.from({ length: COUNT_CAP }, (_, i) => ({ sessionId: `bulk-${i}`, projectId: project.id, startTime: t0, endTime: t0, traceCount: 1 })),
    });
    const { count } = await list(a, project, {});
    expect(count).toEqual({ count: COUNT_CAP, capped: true });
    expect(formatCappedCount(count, "session")).toBe("1,000+ sessions");
    expect(formatCappedCount((await list(a, project, { turnsMin: "2" })).count, "session")).toBe("4 sessions");
    expect(formatCappedCount({ count: 1, capped: false }, "session")).toBe("1 session");
  });

  it("with a categorical session rubric asked for in the URL, lists the labels given and filters by label", async () => {
    const { project, a, b } = await setUp();
    const rubric = await db.rubric.create({
      data: { name: "resolved", type: "CATEGORICAL", targets: ["SESSION"], values: [{ label: "yes", score: 1 }, { label: "no", score: 0 }] },
    });
    await db.projectRubric.create({ data: { projectId: project.id, rubricId: rubric.id } });
    const label = (actor: Actor, sessionId: string, value: string) =>
      saveReviewAnnotation(actor, { target: "SESSION", item: { name: "resolved", annotator_kind: "HUMAN", session_id: sessionId, result: { label: value } } });
    await label(a, "s-2", "yes");
    await label(b, "s-2", "no");
    await label(a, "s-4", "no");
    await rate(a, "s-3", 5); // user_satisfaction: not this list's rubric
    const yes = (await list(a, project, { rubric: "resolved", label: "yes" })).page.rows;
    expect(yes.map((r) => [r.sessionId, r.labels, r.ratingCount, r.meanScore])).toEqual([["s-2", ["no", "yes"], 2, 0.5]]);
    expect(names((await list(a, project, { rubric: "resolved", label: "no" })).page.rows)).toEqual(["s-4", "s-2"]);
    expect(names((await list(a, project, { rubric: "resolved", rated: "rated" })).page.rows)).toEqual(["s-4", "s-2"]);
  });

  it("falls back to defaults for invalid params and picks user_satisfaction unless another session rubric is asked for", async () => {
    const { project } = await setUp();
    const parsed = parseSessionFilters({ sort: "nonsense", turnsMin: "-3", q: "export" });
    expect(parsed).toMatchObject({ sort: "time", dir: "desc", q: "export" });
    expect(parsed.turnsMin).toBeUndefined();
    expect((await sessionRubricFor(project.id, undefined))?.name).toBe("user_satisfaction");
    expect((await sessionRubricFor(project.id, "correctness"))?.name).toBe("user_satisfaction"); // not a session rubric
  });
});
