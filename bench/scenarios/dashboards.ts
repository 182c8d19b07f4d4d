// The dashboards (issue 11's targets, kept since): each section as the domain
// function the page and its data route call (server time, the target's measure),
// over HTTP as a lead's script gets it (GET /api/projects/<p>/dashboards/<section>,
// the JSON the page draws), and the raw SQL of the statements it sends replayed
// on a plain `pg` connection. Without a server (baseUrl null) the HTTP figure is left out.
// Target: p50 ≤ 200 ms server time per section at 100k sessions / 1M annotations.
import pg from "pg";
import { percentiles, replay, type Captured, type Stats } from "../measure";
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import type { BenchRow, BenchWorld, Scenario } from "../suite/contract";

const TARGET_MS = 200;

// --- what the agg scenarios share (dashboards, agreement, claim-next) -------------------

/** Timed runs, stopping early (after at least `min`) once `budgetMs` is spent: a slow figure must not blow the scenario's time. */
export async function timeWithin(work: () => Promise<unknown>, { warmups, runs, min = 3, budgetMs }: { warmups: number; runs: number; min?: number; budgetMs: number }): Promise<Stats> {
  for (let i = 0; i < warmups; i++) await work();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    samples.push(performance.now() - t);
    if (samples.length >= min && performance.now() - started > budgetMs) break;
  }
  return percentiles(samples);
}

/** Timed GETs of `path` as the seeded lead's API key, or null without a server. */
export async function timeGet(world: BenchWorld, path: string, runs: Parameters<typeof timeWithin>[1]): Promise<Stats | null> {
  return world.baseUrl ? timeWithin(() => apiGet(world, path), runs) : null;
}

export const httpNote = (http: Stats | null) => (http ? `HTTP ${http.p50.toFixed(0)} ms p50 / ${http.p95.toFixed(0)} p95` : "no server: HTTP not measured");

/** GET as the seeded lead (API key, and the session cookie the queue routes want); a non-200 answer throws (a figure is never the time of an error). */
export async function apiGet(world: BenchWorld, path: string): Promise<unknown> {
  if (!world.baseUrl) throw new Error("This scenario needs the server");
  const response = await fetch(world.baseUrl + path, { headers: { authorization: `Bearer ${world.apiKey}`, cookie: world.sessionCookie } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${body.slice(0, 200)}`);
  return JSON.parse(body);
}

type Capture = (work: () => Promise<unknown>) => Promise<Captured[]>;

/**
 * The statements a domain call sends, for the raw SQL column: the runner's
 * capturing Prisma client when it installed one (globalThis.benchCapturedQueries),
 * else the app's client's raw-query methods wrapped for the call (every dashboard
 * and claim statement is a $queryRaw/$executeRaw, some inside a batch $transaction).
 */
export async function captureStatements(work: () => Promise<unknown>): Promise<Captured[]> {
  const provided = (globalThis as unknown as { benchCapturedQueries?: Capture }).benchCapturedQueries;
  if (provided) return provided(work);
  const { prisma } = await import("@/lib/db");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const client = prisma as unknown as Record<string, (...args: unknown[]) => unknown>;
  const captured: Captured[] = [];
  const originals = { $queryRaw: client.$queryRaw, $executeRaw: client.$executeRaw };
  for (const method of ["$queryRaw", "$executeRaw"] as const) {
    const original = originals[method];
    client[method] = (first: unknown, ...rest: unknown[]) => {
      const sql = first instanceof Prisma.Sql ? first : Prisma.sql(first as TemplateStringsArray, ...(rest as PrismaTypes.Sql[]));
      captured.push({ sql: sql.text, params: sql.values as unknown[] });
      return original.call(prisma, first, ...rest);
    };
  }
  try {
    await work();
  } finally {
    client.$queryRaw = originals.$queryRaw;
    client.$executeRaw = originals.$executeRaw;
  }
  return captured;
}

/** The app's client, checked to be on the bench database (the runner points DATABASE_URL there before anything loads lib/db). */
export async function benchPrisma(world: BenchWorld) {
  process.env.DATABASE_URL ??= world.databaseUrl;
  const { prisma } = await import("@/lib/db");
  const [{ db }] = await prisma.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
  const expected = decodeURIComponent(new URL(world.databaseUrl).pathname.slice(1));
  if (db !== expected) throw new Error(`The app's Prisma client is on ${db}, not the bench database ${expected}`);
  return prisma;
}

export const load = async () => (await import("node:os")).loadavg()[0].toFixed(1);

// --- the scenario -------------------------------------------------------------------------------

export const scenario: Scenario = {
  name: "dashboards",
  description: "dashboard sections (satisfaction, rubric, coverage, progress) over HTTP and as domain calls, beside their raw SQL",
  needsServer: true,
  async run(world, log) {
    const runs = world.quick ? { warmups: 0, runs: 3, min: 1, budgetMs: 1_500 } : { warmups: 1, runs: 15, budgetMs: 6_000 };
    const prisma = await benchPrisma(world);
    const { actorForUser } = await import("@/lib/auth/sessions");
    const { parseDashboardFilters } = await import("@/lib/dashboards/dashboard-filters");
    const { dashboardQuery } = await import("@/lib/dashboards/dashboard-query");
    const { loadDashboardSection } = await import("@/lib/dashboards/sections");
    const project = await prisma.project.findUniqueOrThrow({ where: { name: world.projectName }, select: { id: true, name: true, description: true, blindReview: true } });
    const lead = actorForUser(await prisma.user.findFirstOrThrow({ where: { role: "LEAD", deactivatedAt: null }, orderBy: { email: "asc" } }));
    // The project's busiest categorical rubric on traces, for the rubric section (its default is the first by name).
    const [busiest] = await prisma.$queryRaw<{ name: string }[]>`
      SELECT r.name FROM project_rubrics pr JOIN rubrics r ON r.id = pr.rubric_id
      WHERE pr.project_id = ${project.id} AND r.type = 'CATEGORICAL' AND r.archived_at IS NULL
      ORDER BY (SELECT count(*) FROM annotations a WHERE a.project_id = ${project.id} AND a.name = r.name) DESC, r.name LIMIT 1`;
    const base = `/api/projects/${encodeURIComponent(world.projectName)}/dashboards`;
    const cases: [string, "satisfaction" | "rubric" | "coverage" | "progress", Record<string, string>][] = [
      ["satisfaction", "satisfaction", {}],
      [`rubric ${busiest?.name ?? "(default)"}`, "rubric", busiest ? { rubric: busiest.name } : {}],
      ["coverage", "coverage", {}],
      ["progress", "progress", {}],
      ["progress, by week", "progress", { bucket: "week" }],
    ];
    const raw = new pg.Client({ connectionString: world.databaseUrl });
    await raw.connect();
    // Steady state, as autovacuum leaves it: the rollups were filled by the seed's inserts moments ago, and
    // until a vacuum sets their visibility map an index-only count visits every row's heap page (~10× slower).
    await raw.query("VACUUM ANALYZE annotation_daily_counts");
    await raw.query("VACUUM ANALYZE annotation_target_counts");
    await raw.query("VACUUM ANALYZE annotation_rubric_counts");
    await raw.query("VACUUM ANALYZE annotation_rubric_targets");
    const rows: BenchRow[] = [];
    try {
      for (const [name, section, query] of cases) {
        const work = () => loadDashboardSection(section, lead, project, parseDashboardFilters(query));
        const server = await timeWithin(work, runs);
        const sql = await timeWithin(replay(raw, await captureStatements(work)), runs);
        const http = await timeGet(world, `${base}/${section}?${dashboardQuery(parseDashboardFilters(query))}`, runs);
        log(`${name}: ${server.p50.toFixed(1)} ms p50 server time, raw SQL ${sql.p50.toFixed(1)} ms, ${httpNote(http)} (load ${await load()})`);
        rows.push({
          figure: `dashboard ${name} (server time)`, p50Ms: server.p50, p95Ms: server.p95, rawSql: { p50Ms: sql.p50, p95Ms: sql.p95 },
          target: `p50 ≤ ${TARGET_MS} ms`, met: server.p50 <= TARGET_MS, note: httpNote(http),
        });
      }
    } finally {
      await raw.end();
    }
    return rows;
  },
};
