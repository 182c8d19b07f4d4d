// The lists beside the traces list: the capped counts of traces and spans, the
// sessions list and its count, as the domain functions the pages call (each
// beside the raw SQL of the statements they send) and as whole pages over HTTP.
// Target (issue 8's lists, kept since): p50 ≤ 50 ms per call.
import pg from "pg";
import { timeRuns, type Captured, type Stats } from "../measure";
import { replayOf } from "../suite/capture";
import type { BenchRow, BenchWorld, Scenario } from "../suite/contract";
import { getter } from "../suite/http";

const TARGET_MS = 50;

export const scenario: Scenario = {
  name: "lists",
  description: "trace and span counts, the sessions list and count (domain and HTTP pages)",
  needsServer: true,
  async run(world: BenchWorld, log) {
    const runs = world.quick ? { warmups: 1, runs: 5 } : { warmups: 3, runs: 30 };
    const { prisma } = await import("@/lib/db");
    const { countTraces } = await import("@/lib/traces/list-traces");
    const { parseTraceFilters } = await import("@/lib/traces/trace-filters");
    const { countSpans } = await import("@/lib/spans/list-spans");
    const { parseSpanFilters } = await import("@/lib/spans/span-filters");
    const { countSessions, listSessions } = await import("@/lib/sessions/list-sessions");
    const { parseSessionFilters } = await import("@/lib/sessions/session-filters");
    const { sessionRubricFor } = await import("@/lib/sessions/session-rubric");
    const { annotationReader } = await import("@/lib/review/blind-review");
    const { actorForUser } = await import("@/lib/auth/sessions");
    const { openTraceReviewList } = await import("@/lib/review/open-review-list");

    const project = await prisma.project.findUniqueOrThrow({ where: { name: world.projectName }, select: { id: true, name: true, blindReview: true } });
    const lead = actorForUser(await prisma.user.findFirstOrThrow({ where: { role: "LEAD" }, orderBy: { email: "asc" } }));
    const reader = annotationReader(lead, project);
    const ctx = { rubric: await sessionRubricFor(project.id, undefined), reader };
    const raw = new pg.Pool({ connectionString: world.databaseUrl, max: 2 });
    const rows: BenchRow[] = [];
    try {
      const calls: [string, () => Promise<unknown>][] = [
        ["count traces, no filter (capped)", () => countTraces(project.id, parseTraceFilters({}), reader)],
        ["count traces, q=refund", () => countTraces(project.id, parseTraceFilters({ q: "refund" }), reader)],
        ["count spans, no filter (capped)", () => countSpans(project.id, parseSpanFilters({}))],
        ["count spans, kind=RETRIEVER", () => countSpans(project.id, parseSpanFilters({ kind: "RETRIEVER" }))],
        ["sessions list, newest first", () => listSessions(project.id, parseSessionFilters({}), ctx)],
        ["sessions list, by satisfaction", () => listSessions(project.id, parseSessionFilters({ sort: "satisfaction" }), ctx)],
        ["count sessions, unrated", () => countSessions(project.id, parseSessionFilters({ rated: "unrated" }), ctx)],
        // Review mode's start: a snapshot of the filtered list's first 1,000 ids.
        ["open a review list (not reviewed by me)", () => openTraceReviewList(lead, project, { reviewed: "not-me" })],
      ];
      for (const [figure, work] of calls) {
        const app = await timeRuns(work, runs);
        const { queries, replay } = await replayOf(raw, work);
        // A write (the review list's snapshot row, with its own id) is replayed in a transaction rolled back.
        const writes = queries.some((q) => /^\s*INSERT/i.test(q.sql));
        // (The captured run stored its row under that id: gone first.)
        if (writes) await prisma.reviewList.deleteMany({ where: { projectId: project.id } });
        const sql = await timeRuns(writes ? rolledBack(raw, queries) : replay, runs);
        rows.push(row(figure, app, sql));
        log(`${figure}: ${app.p50.toFixed(1)} ms p50 (raw SQL ${sql.p50.toFixed(1)} ms)`);
      }
      // Whole pages, as the lead's browser gets them; the raw SQL is the page's list call above.
      const pages: [string, string, string][] = [
        ["sessions page (HTTP)", `/projects/${world.projectName}/sessions`, "sessions list, newest first"],
        ["spans page (HTTP)", `/projects/${world.projectName}/spans`, "count spans, no filter (capped)"],
      ];
      for (const [figure, path, sqlOf] of pages) {
        const app = await timeRuns(getter(world, path), runs);
        const sql = rows.find((r) => r.figure === sqlOf)?.rawSql;
        rows.push({ ...row(figure, app, null), rawSql: sql, note: `raw SQL: the page's "${sqlOf}" statements only` });
        log(`${figure}: ${app.p50.toFixed(1)} ms p50`);
      }
    } finally {
      // The review lists opened above: gone, so later scenarios see the seeded world.
      await prisma.reviewList.deleteMany({ where: { projectId: project.id } });
      await raw.end();
    }
    return rows;
  },
};

const rolledBack = (pool: pg.Pool, queries: Captured[]) => async () => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const q of queries) await client.query(q.sql, q.params);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
};

function row(figure: string, app: Stats, sql: Stats | null): BenchRow {
  return {
    figure,
    p50Ms: app.p50,
    p95Ms: app.p95,
    rawSql: sql ? { p50Ms: sql.p50, p95Ms: sql.p95 } : undefined,
    target: `p50 ≤ ${TARGET_MS} ms`,
    met: app.p50 <= TARGET_MS,
  };
}
