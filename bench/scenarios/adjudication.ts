// Adjudication at scale (issue 10, whose closing note left it unmeasured): the
// chooser (adjudicationScopes, which finds the project's open disagreements on
// every visit), the disagreement list of a rubric across the project and of the
// seeded queue, each beside the raw SQL of its statements, and the chooser page
// over HTTP. No target was set for these; the figures are for comparison.
import pg from "pg";
import { timeRuns, type Stats } from "../measure";
import { replayOf } from "../suite/capture";
import type { BenchRow, BenchWorld, Scenario } from "../suite/contract";
import { getter } from "../suite/http";

export const scenario: Scenario = {
  name: "adjudication",
  description: "adjudication chooser and disagreement lists (rubric across the project, the queue), domain and HTTP",
  needsServer: true,
  async run(world: BenchWorld, log) {
    const runs = world.quick ? { warmups: 0, runs: 2 } : { warmups: 1, runs: 5 };
    const { prisma } = await import("@/lib/db");
    const { adjudicationScopes } = await import("@/lib/adjudication/adjudication-scopes");
    const { listDisagreements } = await import("@/lib/adjudication/disagreements");
    const { actorForUser } = await import("@/lib/auth/sessions");
    const project = await prisma.project.findUniqueOrThrow({ where: { name: world.projectName }, select: { id: true, blindReview: true } });
    const lead = actorForUser(await prisma.user.findFirstOrThrow({ where: { role: "LEAD" }, orderBy: { email: "asc" } }));
    const raw = new pg.Pool({ connectionString: world.databaseUrl, max: 2 });
    const rows: BenchRow[] = [];
    try {
      const calls: [string, () => Promise<unknown>][] = [
        ["adjudication chooser (open disagreements per rubric and queue)", () => adjudicationScopes(lead, project)],
        ["disagreements: correctness, whole project", () => listDisagreements(lead, project, { rubric: "correctness" })],
        ["disagreements: helpfulness, spread > 2", () => listDisagreements(lead, project, { rubric: "helpfulness", threshold: 2 })],
        ["disagreements: the queue", () => listDisagreements(lead, project, { queueId: Number(world.queueId) })],
      ];
      for (const [figure, work] of calls) {
        const first = await withinDeadline(raw, work);
        if (first === null) {
          rows.push(late(figure));
          log(`${figure}: over ${DEADLINE_MS / 1000} s, cancelled`);
          continue;
        }
        const app = await timeRuns(work, runs);
        const { replay } = await replayOf(raw, work);
        const sql = await timeRuns(replay, runs);
        rows.push(row(figure, app, sql));
        log(`${figure}: ${app.p50.toFixed(0)} ms p50 (raw SQL ${sql.p50.toFixed(0)} ms)`);
      }
      const page = getter(world, `/projects/${world.projectName}/adjudicate`);
      if ((await withinDeadline(raw, page)) === null) {
        rows.push(late("adjudicate page, chooser (HTTP)"));
      } else {
        const app = await timeRuns(page, runs);
        rows.push({ ...row("adjudicate page, chooser (HTTP)", app, null), rawSql: rows[0].rawSql, note: "raw SQL: the chooser's statements only" });
        log(`adjudicate page: ${app.p50.toFixed(0)} ms p50`);
      }
    } finally {
      await raw.end();
    }
    return rows;
  },
};

// One call past this is not timed again: its statement is cancelled and the row says so.
const DEADLINE_MS = 30_000;

/** One call of `work`, or null when it ran past the deadline (its statements in the bench database are then cancelled). */
async function withinDeadline(raw: pg.Pool, work: () => Promise<unknown>): Promise<number | null> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    work().then(() => "done" as const, (error: unknown) => error),
    new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), DEADLINE_MS))),
  ]).finally(() => clearTimeout(timer));
  if (outcome === "late") {
    // Only this scenario runs now: every other active statement on the bench database is the late call's.
    await raw.query(`SELECT pg_cancel_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`);
    return null;
  }
  if (outcome !== "done") throw outcome;
  return performance.now() - started;
}

const late = (figure: string): BenchRow => ({ figure, target: "", met: null, note: `over ${DEADLINE_MS / 1000} s for one call: cancelled, not timed further` });

const row = (figure: string, app: Stats, sql: Stats | null): BenchRow => ({
  figure,
  p50Ms: app.p50,
  p95Ms: app.p95,
  rawSql: sql ? { p50Ms: sql.p50, p95Ms: sql.p95 } : undefined,
  target: "",
  met: null,
});
