import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { parseDashboardFilters } from "./dashboard-filters";
import { coverageLiveSql, coverageRollupSql } from "./coverage";
import { mergeDailyCounts, progressLiveSql, progressRollupSql, rollupServes } from "./reviewer-progress";

const db = useTestDatabase();
const password = "correct horse battery";

/*
 * The progress rollup (annotation_daily_counts, kept by statement triggers on
 * annotations) must give what the live statement gives, after every kind of
 * write: single and multi-row inserts, an upsert that overwrites a value, one
 * that moves a row to another day or annotator, deletes, a deleted user (their
 * rows fall back to the identifier), a deleted target (cascade), notes and the
 * adjudicated value (never counted), another project, and merging. Likewise
 * coverage (annotation_target_counts), spans and their documents included.
 */
async function both(project: { id: number; blindReview: boolean }, query: Record<string, string> = {}) {
  const filters = parseDashboardFilters(query);
  const reader = { userId: null, seesAll: true };
  const live = await prisma.$queryRaw(progressLiveSql(project, reader, filters));
  const rolled = await prisma.$queryRaw(progressRollupSql(project, filters));
  return { live, rolled };
}

/** Coverage, live and rolled up, with and without a range, for each kind. */
async function expectSameCoverage(project: { id: number; blindReview: boolean }) {
  const reader = { userId: null, seesAll: true };
  for (const query of [{}, { kind: "LLM" }, { kind: "CODE" }, { from: "2026-11-21" }, { to: "2026-11-21", kind: "LLM" }]) {
    const filters = parseDashboardFilters(query);
    const live = await prisma.$queryRaw(coverageLiveSql(project, reader, filters));
    const rolled = await prisma.$queryRaw(coverageRollupSql(project, filters));
    expect(rolled).toEqual(live);
  }
}

describe("progress rollup", () => {
  it("matches the live count after inserts, overwrites, moves, deletes, a deleted user and target, and merging", async () => {
    await ingestSpans([
      ...ragTrace({ start: new Date(Date.UTC(2026, 10, 20, 10)), sessionId: "S1" }),
      ...ragTrace({ start: new Date(Date.UTC(2026, 10, 21, 10)), sessionId: "S2" }),
    ]);
    const project = await db.project.findUniqueOrThrow({ where: { name: "default" }, select: { id: true, blindReview: true } });
    const other = await db.project.create({ data: { name: "other" }, select: { id: true, blindReview: true } });
    const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
    const ann = await createUser(admin, { name: "Ann", email: "ann@t.dev", password, role: "REVIEWER" });
    const bob = await createUser(admin, { name: "Bob", email: "bob@t.dev", password, role: "REVIEWER" });
    const [s1, s2] = await db.session.findMany({ orderBy: { sessionId: "asc" }, select: { id: true } });
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 18));
    const row = (projectId: number, sessionRow: number, name: string, who: { id: string } | null, day: number, extra: Record<string, unknown> = {}) => ({
      projectId, targetType: "SESSION" as const, targetId: sessionRow, sessionRowId: sessionRow, name, score: 3,
      annotatorKind: who ? ("HUMAN" as const) : ("LLM" as const), identifier: who ? `px-app:${who.id}` : "judge", userId: who?.id ?? null,
      createdAt: at(day), ...extra,
    });
    const expectSame = async (query: Record<string, string> = {}) => {
      const { live, rolled } = await both(project, query);
      expect(rolled).toEqual(live);
      await expectSameCoverage(project);
      return rolled as { bucket: string; reviewer: string; count: number }[];
    };

    await db.annotation.create({ data: row(project.id, s1.id, "user_satisfaction", ann, 24) });
    await db.annotation.createMany({
      data: [
        row(project.id, s1.id, "user_satisfaction", bob, 25), row(project.id, s1.id, "user_satisfaction", null, 24),
        row(project.id, s2.id, "user_satisfaction", ann, 25), row(project.id, s2.id, "helpfulness", null, 25),
        row(project.id, s1.id, "note", ann, 24, { identifier: "px-session-note:1", score: null, explanation: "hm" }),
        row(project.id, s2.id, "user_satisfaction", admin.userId ? { id: admin.userId } : null, 26, { identifier: "adjudicated" }),
      ],
    });
    await db.annotation.create({ data: row(other.id, s1.id, "user_satisfaction", bob, 24, { name: "other_rubric" }) });
    // A span and one of its documents (coverage counts the span once).
    const span = await db.span.findFirstOrThrow({ where: { name: "retrieve_docs" }, orderBy: { id: "asc" }, select: { id: true, traceRowId: true } });
    const onSpan = { targetType: "SPAN" as const, targetId: span.id, sessionRowId: null, spanRowId: span.id, traceRowId: span.traceRowId };
    await db.annotation.createMany({
      data: [
        row(project.id, s1.id, "faithfulness", ann, 24, onSpan),
        row(project.id, s1.id, "relevance", ann, 24, { ...onSpan, targetType: "DOCUMENT", documentPosition: 0 }),
      ],
    });
    expect((await expectSame()).map((r) => `${r.bucket} ${r.reviewer} ${r.count}`))
      .toEqual(["2026-11-24 Ann 3", "2026-11-24 judge 1", "2026-11-25 Ann 1", "2026-11-25 Bob 1", "2026-11-25 judge 1"]);
    await db.annotation.deleteMany({ where: { targetType: "DOCUMENT" } });
    await expectSame();

    // An overwrite of the value (same day, same annotator) changes nothing; moving the day or the annotator does.
    // (By target type too: a span's row id can equal the session's.)
    await db.annotation.updateMany({ where: { projectId: project.id, userId: ann.id, targetId: s1.id, name: "user_satisfaction" }, data: { score: 5 } });
    await expectSame();
    await db.annotation.updateMany({ where: { projectId: project.id, userId: ann.id, targetType: "SESSION", targetId: s2.id }, data: { createdAt: at(27) } });
    await db.annotation.updateMany({ where: { projectId: project.id, userId: null, targetType: "SESSION", targetId: s2.id }, data: { identifier: "judge-2", annotatorKind: "CODE" } });
    await expectSame();
    await expectSame({ kind: "LLM" });
    await expectSame({ reviewer: bob.id, bucket: "week" });
    await expectSame({ from: "2026-11-25", to: "2026-11-27" });

    // Deletes: one row; a user (their values stay, without a user: by identifier); a session (its values go).
    await db.annotation.deleteMany({ where: { projectId: project.id, userId: null, identifier: "judge" } });
    await db.user.delete({ where: { id: bob.id } });
    await expectSame();
    await db.session.delete({ where: { id: s2.id } });
    expect((await expectSame()).map((r) => `${r.bucket} ${r.reviewer} ${r.count}`)).toEqual(["2026-11-24 Ann 2", `2026-11-25 px-app:${bob.id} 1`]);

    // Merging keeps the figures and leaves one row per key.
    await mergeDailyCounts(project.id, { force: true });
    await expectSame();
    const left = await db.annotationDailyCount.findMany({ where: { projectId: project.id } });
    expect(left.every((r) => r.merged)).toBe(true);
    expect(left).toHaveLength(2);
    // A deleted session leaves no coverage row behind.
    expect(await db.annotationTargetCount.count({ where: { targetType: "SESSION", targetId: s2.id } })).toBe(0);

    // A deleted project takes its rollup along.
    await db.project.delete({ where: { id: other.id } });
    expect(await db.annotationDailyCount.count({ where: { projectId: other.id } })).toBe(0);
    expect(await db.annotationTargetCount.count({ where: { projectId: other.id } })).toBe(0);
  });

  it("serves a reader who sees every value with whole-day bounds; blind-review readers and bounds within a day read live", () => {
    const lead = { userId: null, seesAll: true };
    const blind = { userId: "u", seesAll: false };
    expect(rollupServes(lead, parseDashboardFilters({ from: "2026-11-20", to: "2026-11-27" }))).toBe(true);
    expect(rollupServes(lead, parseDashboardFilters({ from: "2026-11-20T12:00:00Z" }))).toBe(false);
    expect(rollupServes(blind, parseDashboardFilters({}))).toBe(false);
  });
});
