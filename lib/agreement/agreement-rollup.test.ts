import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { databaseConfig } from "@/lib/db/config";
import { Prisma } from "@/lib/generated/prisma/client";
import { openKeys } from "@/lib/adjudication/disagreement-sql";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { actorForUser } from "@/lib/auth/sessions";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { mergeAgreementPatterns } from "./agreement-rollup";
import { agreementRollupServes, agreementRollupSql, agreementSql } from "./agreement-sql";

const db = useTestDatabase();
const password = "correct horse battery";
const everything = { userId: null, seesAll: true };

type Raw = {
  annotators: { key: string }[] | null;
  cells: { a: string; b: string; aValue: unknown; bValue: unknown; count: number }[] | null;
  units: number;
  values: number;
  within: number | null;
  total: number | null;
  disagreementTotal: number;
  disagreements: unknown[] | null;
};

// json_agg without an order (annotators, cells) may come in any order: sorted here. Float sums
// (alpha's within and total) are added in another order, which may differ in the last bits.
function normal(raw: Raw) {
  const { within, total, ...rest } = raw;
  return {
    ...rest,
    annotators: [...(raw.annotators ?? [])].sort((x, y) => x.key.localeCompare(y.key)),
    cells: [...(raw.cells ?? [])].map((c) => JSON.stringify(c)).sort(),
  };
}

function expectClose(rolled: number | null, live: number | null, what: string) {
  if (live === null || rolled === null) return expect(rolled, what).toBe(live);
  expect(Math.abs(rolled - live), what).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(live)));
}

/*
 * The rollup (agreement_items, kept by statement triggers on annotations) must give
 * what the live statement gives, for every rubric, categorical and continuous, after
 * every kind of write: single and multi-row inserts, overwrites of a value, a value
 * removed (label set to null), moves to another annotator, deletes, a deleted user
 * (their key loses the user id), a deleted target (cascade), notes and the
 * adjudicated value (never counted), documents, another project. Likewise the
 * adjudication page's open disagreements (lib/adjudication/disagreement-sql.ts).
 */
describe("agreement rollup", () => {
  it("matches the live statement after inserts, overwrites, deletes, a deleted user, target and project", async () => {
    await ingestSpans([0, 1, 2, 3].flatMap((n) => ragTrace({ start: new Date(Date.UTC(2026, 10, 20, 10, n)), sessionId: `S${n}` })));
    const project = await db.project.findUniqueOrThrow({ where: { name: "default" }, select: { id: true, blindReview: true } });
    const other = await db.project.create({ data: { name: "other" }, select: { id: true, blindReview: true } });
    const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
    const ann = await createUser(admin, { name: "Ann", email: "ann@t.dev", password, role: "REVIEWER" });
    const bob = await createUser(admin, { name: "Bob", email: "bob@t.dev", password, role: "REVIEWER" });
    const traces = await db.trace.findMany({ orderBy: { startTime: "asc" }, select: { id: true } });
    const spans = await db.span.findMany({ where: { name: "retrieve_docs" }, orderBy: { id: "asc" }, select: { id: true, traceRowId: true } });

    type Who = { id: string } | string;
    const onTrace = (n: number, name: string, who: Who, value: { label?: string | null; score?: number | null }, extra: Record<string, unknown> = {}) => ({
      projectId: project.id, targetType: "TRACE" as const, targetId: traces[n].id, traceRowId: traces[n].id, name,
      annotatorKind: typeof who === "string" ? ("LLM" as const) : ("HUMAN" as const),
      identifier: typeof who === "string" ? who : `px-app:${who.id}`, userId: typeof who === "string" ? null : who.id,
      ...value, ...extra,
    });
    const onDoc = (n: number, position: number, who: Who, label: string) => ({
      ...onTrace(0, "relevance", who, { label }), targetType: "DOCUMENT" as const, targetId: spans[n].id, spanRowId: spans[n].id,
      traceRowId: spans[n].traceRowId, documentPosition: position,
    });

    const rubrics = Prisma.sql`(SELECT * FROM (VALUES ('correctness', 'CATEGORICAL'), ('relevance', 'CATEGORICAL'), ('helpfulness', 'CONTINUOUS')) v (name, type))`;
    let open = 0;
    const expectSame = async () => {
      for (const [name, categorical, threshold] of [["correctness", true, 0], ["helpfulness", false, 1], ["relevance", true, 0], ["helpfulness", false, 0]] as const) {
        const live = await prisma.$queryRaw<Raw[]>(agreementSql(project, everything, parseDashboardFilters({}), name, categorical, threshold));
        const rolled = await prisma.$queryRaw<Raw[]>(agreementRollupSql(project, name, categorical, threshold));
        expect(normal(rolled[0]), `${name}, threshold ${threshold}`).toEqual(normal(live[0]));
        expectClose(rolled[0].within, live[0].within, `${name} within`);
        expectClose(rolled[0].total, live[0].total, `${name} total`);
      }
      // The adjudication page's open disagreements: the rollup's keys are the live definition's.
      for (const threshold of [0, 1, 3.5]) {
        const live = await prisma.$queryRaw<unknown[]>`
          SELECT h.target_type, h.target_id, h.document_position, h.name, max(h.updated_at) AS last_at
          FROM annotations h JOIN ${rubrics} r ON r.name = h.name
          WHERE h.project_id = ${project.id} AND h.annotator_kind = 'HUMAN' AND h.identifier <> 'adjudicated'
            AND NOT EXISTS (SELECT 1 FROM annotations j WHERE j.project_id = h.project_id AND j.identifier = 'adjudicated'
              AND j.target_type = h.target_type AND j.target_id = h.target_id AND j.document_position = h.document_position AND j.name = h.name)
          GROUP BY h.target_type, h.target_id, h.document_position, h.name, r.type
          HAVING (r.type = 'CATEGORICAL' AND count(DISTINCT h.label) > 1)
            OR (r.type = 'CONTINUOUS' AND max(h.score) - min(h.score) > ${threshold}::float8)
          ORDER BY 1, 2, 3, 4`;
        const rolled = await prisma.$queryRaw<unknown[]>`SELECT * FROM (${openKeys(project.id, rubrics, threshold)}) k ORDER BY 1, 2, 3, 4`;
        expect(rolled, `open disagreements above ${threshold}`).toEqual(live);
        open = Math.max(open, live.length);
      }
      const items = await db.agreementItem.count({ where: { projectId: project.id } });
      return items;
    };

    await db.annotation.create({ data: onTrace(0, "correctness", ann, { label: "correct", score: 1 }) });
    await db.annotation.createMany({
      data: [
        onTrace(0, "correctness", bob, { label: "incorrect", score: 0 }), onTrace(0, "correctness", "judge", { label: "correct" }),
        onTrace(1, "correctness", ann, { label: "correct" }), onTrace(1, "correctness", "judge", { label: "correct" }),
        onTrace(2, "correctness", bob, { label: "partially_correct" }), onTrace(2, "correctness", "judge|x", { label: "incorrect" }),
        onTrace(0, "helpfulness", ann, { score: 7 }), onTrace(0, "helpfulness", bob, { score: 3 }), onTrace(0, "helpfulness", "judge", { score: 6.5 }),
        onTrace(1, "helpfulness", ann, { score: 4 }), onTrace(1, "helpfulness", "judge", { score: 4.25 }),
        onTrace(2, "helpfulness", bob, { score: 10 }), onTrace(2, "helpfulness", "judge", { score: 0 }), onTrace(3, "helpfulness", "judge", { score: 2 }),
        // Neither notes nor the adjudicated value count; a row without a value neither.
        onTrace(0, "note", ann, { label: null }, { identifier: "px-note:1", explanation: "hm" }),
        onTrace(2, "correctness", bob, { label: "incorrect" }, { identifier: "adjudicated" }),
        onTrace(3, "correctness", ann, { label: null, score: null }, { explanation: "no value" }),
        onDoc(0, 0, ann, "relevant"), onDoc(0, 0, bob, "irrelevant"), onDoc(0, 1, ann, "relevant"), onDoc(0, 1, "judge", "relevant"),
        onDoc(1, 0, bob, "relevant"), onDoc(1, 0, "judge", "irrelevant"),
      ],
    });
    await db.annotation.create({ data: { ...onTrace(0, "correctness", ann, { label: "correct" }), projectId: other.id, identifier: "elsewhere" } });
    expect(await expectSame()).toBe(10);
    expect(await db.agreementItem.count({ where: { projectId: other.id } })).toBe(1);

    // Overwrites: a value, a value removed, a label gained, a move to another identifier, an upsert.
    await db.annotation.updateMany({ where: { userId: ann.id, name: "correctness", targetId: traces[0].id }, data: { label: "incorrect" } });
    await db.annotation.updateMany({ where: { identifier: "judge", name: "helpfulness", targetId: traces[1].id }, data: { score: null } });
    await db.annotation.updateMany({ where: { userId: ann.id, name: "correctness", targetId: traces[3].id }, data: { label: "correct" } });
    await db.annotation.updateMany({ where: { identifier: "judge|x" }, data: { identifier: "another-judge" } });
    await prisma.$executeRaw`INSERT INTO annotations (project_id, target_type, target_id, trace_row_id, name, label, annotator_kind, identifier, user_id, updated_at)
      VALUES (${project.id}, 'TRACE', ${traces[1].id}, ${traces[1].id}, 'correctness', 'incorrect', 'HUMAN', ${`px-app:${bob.id}`}, ${bob.id}::uuid, now())
      ON CONFLICT (target_type, target_id, document_position, name, identifier) DO UPDATE SET label = excluded.label`;
    await expectSame();

    // Deletes: one value; a user (their rows stay, without the user id); a trace (its rows and its spans' go).
    await db.annotation.deleteMany({ where: { identifier: "judge", name: "correctness", targetId: traces[0].id } });
    await db.user.delete({ where: { id: bob.id } });
    await expectSame();
    await db.trace.delete({ where: { id: traces[0].id } });
    await expectSame();
    // Every value of an item gone: its row goes.
    await db.annotation.deleteMany({ where: { name: "helpfulness", targetId: traces[3].id } });
    expect(await db.agreementItem.count({ where: { name: "helpfulness", targetId: traces[3].id } })).toBe(0);
    await expectSame();

    // The rollup rows are the items with values: recomputing them from scratch gives the same rows.
    const kept = await prisma.$queryRaw<unknown[]>`SELECT * FROM agreement_items ORDER BY target_type, target_id, document_position, name, project_id`;
    await prisma.$executeRaw`UPDATE annotations SET label = label`;
    expect(await prisma.$queryRaw<unknown[]>`SELECT * FROM agreement_items ORDER BY target_type, target_id, document_position, name, project_id`).toEqual(kept);

    // Merging the pattern rows keeps the figures and leaves one row per pattern.
    expect(await db.agreementPatternCount.count({ where: { projectId: project.id, merged: false } })).toBeGreaterThan(0);
    await mergeAgreementPatterns(project.id, { force: true });
    await expectSame();
    const patterns = await prisma.$queryRaw<{ n: number; rows: number }[]>`
      SELECT count(*)::int AS rows, count(DISTINCT (name, scored, who, labels, scores))::int AS n FROM agreement_pattern_counts WHERE project_id = ${project.id}`;
    expect(patterns[0].rows).toBe(patterns[0].n);

    expect(open).toBeGreaterThan(1);
    // A final value recorded closes a disagreement; removed, it opens again.
    await db.annotation.create({ data: onTrace(1, "correctness", ann, { label: "correct" }, { identifier: "adjudicated" }) });
    await expectSame();
    await db.annotation.deleteMany({ where: { identifier: "adjudicated" } });
    await expectSame();

    // A deleted project takes its rows along.
    await db.project.delete({ where: { id: other.id } });
    expect(await db.agreementItem.count({ where: { projectId: other.id } })).toBe(0);
    expect(await db.agreementPatternCount.count({ where: { projectId: other.id } })).toBe(0);
  }, 90_000); // Many writes and comparisons: longer than the default on embedded PGlite.

  // The triggers lock an item before recomputing it: a second writer on the same item waits for the
  // first to commit, then recomputes with both values (without the lock, the later commit would keep
  // only its own). The first values on a new item are the hardest case: there is no row to lock yet.
  it.skipIf(databaseConfig().kind !== "postgres")("keeps both of two concurrent writes on one item", async () => {
    await ingestSpans(ragTrace({ start: new Date(Date.UTC(2026, 10, 20, 10)) }));
    const project = await db.project.findUniqueOrThrow({ where: { name: "default" }, select: { id: true, blindReview: true } });
    const trace = await db.trace.findFirstOrThrow({ select: { id: true } });
    const value = (identifier: string, label: string) => ({
      projectId: project.id, targetType: "TRACE" as const, targetId: trace.id, traceRowId: trace.id, name: "correctness",
      label, annotatorKind: "LLM" as const, identifier,
    });
    for (const round of [1, 2]) {
      let written!: () => void;
      let release!: () => void;
      const inserted = new Promise<void>((resolve) => (written = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      const first = prisma.$transaction(async (tx) => {
        await tx.annotation.create({ data: value(`a${round}`, "correct") });
        written();
        await gate;
      });
      await inserted;
      const second = prisma.annotation.create({ data: value(`b${round}`, "incorrect") });
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await Promise.all([first, second]);
    }
    const item = await db.agreementItem.findFirstOrThrow({ where: { targetId: trace.id, name: "correctness" } });
    expect(item.labels).toEqual(["correct", "correct", "incorrect", "incorrect"]);
    const live = await prisma.$queryRaw<Raw[]>(agreementSql(project, everything, parseDashboardFilters({}), "correctness", true, 0));
    const rolled = await prisma.$queryRaw<Raw[]>(agreementRollupSql(project, "correctness", true, 0));
    expect(normal(rolled[0])).toEqual(normal(live[0]));
  });

  it("serves a reader who sees every value with no filter but the rubric; others read live", () => {
    const blind = { userId: "u", seesAll: false };
    expect(agreementRollupServes(everything, parseDashboardFilters({ rubric: "x" }))).toBe(true);
    expect(agreementRollupServes(blind, parseDashboardFilters({}))).toBe(false);
    for (const query of [{ kind: "HUMAN" }, { reviewer: "6c1f4a52-7a57-4a27-9c43-2f0c8c1f0a11" }, { from: "2026-11-20" }, { to: "2026-11-20" }]) {
      expect(agreementRollupServes(everything, parseDashboardFilters(query))).toBe(false);
    }
  });
});
