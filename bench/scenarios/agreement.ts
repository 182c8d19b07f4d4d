// Reviewer agreement (issue 11's target, kept since): the agreement section of
// the dashboards for the busiest categorical or continuous rubrics, as the domain
// call (server time, the target's measure), over HTTP (GET
// /api/projects/<p>/dashboards/agreement?rubric=…; left out without a server),
// and the raw SQL of its statements on a plain `pg` connection.
// Target: p50 ≤ 200 ms server time per rubric at 100k sessions / 1M annotations.
import pg from "pg";
import { replay } from "../measure";
import type { BenchRow, Scenario } from "../suite/contract";
import { benchPrisma, captureStatements, httpNote, load, timeGet, timeWithin } from "./dashboards";

const TARGET_MS = 200;

export const scenario: Scenario = {
  name: "agreement",
  description: "agreement (kappa per pair, alpha, disagreements) per rubric over HTTP and as the domain call, beside its raw SQL",
  needsServer: true,
  async run(world, log) {
    const runs = world.quick ? { warmups: 0, runs: 3, min: 1, budgetMs: 1_500 } : { warmups: 1, runs: 15, budgetMs: 8_000 };
    const prisma = await benchPrisma(world);
    const { actorForUser } = await import("@/lib/auth/sessions");
    const { parseDashboardFilters } = await import("@/lib/dashboards/dashboard-filters");
    const { agreementDashboard } = await import("@/lib/agreement/agreement-dashboard");
    const project = await prisma.project.findUniqueOrThrow({ where: { name: world.projectName }, select: { id: true, name: true, description: true, blindReview: true } });
    const lead = actorForUser(await prisma.user.findFirstOrThrow({ where: { role: "LEAD", deactivatedAt: null }, orderBy: { email: "asc" } }));
    // Rubrics with values, busiest first (at most three: the scenario's time is bounded).
    const rubrics = await prisma.$queryRaw<{ name: string; type: string; n: number }[]>`
      SELECT r.name, r.type::text, (SELECT count(*)::int FROM annotations a WHERE a.project_id = ${project.id} AND a.name = r.name) AS n
      FROM project_rubrics pr JOIN rubrics r ON r.id = pr.rubric_id
      WHERE pr.project_id = ${project.id} AND r.type IN ('CATEGORICAL', 'CONTINUOUS')
      ORDER BY n DESC, r.name LIMIT 3`;
    const raw = new pg.Client({ connectionString: world.databaseUrl });
    await raw.connect();
    const rows: BenchRow[] = [];
    try {
      for (const rubric of rubrics.filter((r) => r.n > 0)) {
        const filters = parseDashboardFilters({ rubric: rubric.name });
        const work = () => agreementDashboard(lead, project, filters);
        const answer = await work();
        const path = `/api/projects/${encodeURIComponent(world.projectName)}/dashboards/agreement?rubric=${encodeURIComponent(rubric.name)}`;
        const server = await timeWithin(work, runs);
        const sql = await timeWithin(replay(raw, await captureStatements(work)), runs);
        const http = await timeGet(world, path, runs);
        const what = `${rubric.name} (${rubric.type.toLowerCase()}, ${rubric.n.toLocaleString("en-US")} values)`;
        log(`${what}: ${server.p50.toFixed(1)} ms p50 server time, raw SQL ${sql.p50.toFixed(1)} ms, ${httpNote(http)}; ` +
          `α ${answer.alpha?.toFixed(3) ?? "—"} over ${answer.alphaItems} items (load ${await load()})`);
        rows.push({
          figure: `agreement ${what} (server time)`, p50Ms: server.p50, p95Ms: server.p95, rawSql: { p50Ms: sql.p50, p95Ms: sql.p95 },
          target: `p50 ≤ ${TARGET_MS} ms`, met: server.p50 <= TARGET_MS, note: httpNote(http),
        });
      }
    } finally {
      await raw.end();
    }
    return rows;
  },
};
