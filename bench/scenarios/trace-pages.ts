// The trace list and the trace page as whole HTTP responses (issue 12: ≤ 50 ms
// p50 at 100k traces / 1M spans, production build, signed in, auth on), each
// beside the raw SQL of the same page: the statements its reads send (session,
// project, list, count, rubrics, review summaries; or trace, spans, review
// panel), captured from the app's Prisma client and replayed in sequence on one
// plain `pg` connection. The note gives the page's size and the server's CPU
// per page (its process and any workers), which is where a page's time goes
// once its SQL takes a few milliseconds.
import { readdirSync, readFileSync } from "node:fs";
import { register } from "node:module";
import pg from "pg";
import { installCapturingClient, percentiles, replay, type Captured, type Stats } from "../measure";
import type { BenchRow, BenchWorld, Scenario } from "../suite/contract";

const TARGET_MS = 50;
const TARGET = "p50 ≤ 50 ms";

// get-trace-detail.ts imports "server-only", which throws outside React Server
// Components: resolve it to an empty module, as Next.js does on the server.
register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
      return next(specifier, context);
    }`),
);

type Capture = (work: () => Promise<unknown>) => Promise<Captured[]>;

// The runner installs a capturing Prisma client before anything loads lib/db.ts
// and hands it out on globalThis (bench/suite/capture.ts); run on its own, this
// scenario installs one itself (lib/db.ts not loaded yet).
async function captureFor(world: BenchWorld): Promise<Capture> {
  const provided = (globalThis as unknown as { benchCapturedQueries?: Capture }).benchCapturedQueries;
  if (provided) return provided;
  return (await installCapturingClient(world.databaseUrl)).capturedQueries;
}

/** CPU time (ms) used so far by `pid` and its descendants (cluster workers), from /proc. */
function treeCpuMs(pid: number | null): number | null {
  if (!pid) return null;
  const tick = 10; // USER_HZ is 100 on Linux
  const cpuOf = (p: number): number => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      let total = (Number(fields[11]) + Number(fields[12])) * tick;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(" ") : []) total += cpuOf(Number(child));
      }
      return total;
    } catch {
      return 0; // gone meanwhile
    }
  };
  return cpuOf(pid);
}

async function timeRuns(work: () => Promise<unknown>, warmups: number, runs: number): Promise<Stats> {
  for (let i = 0; i < warmups; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

export const scenario: Scenario = {
  name: "trace-pages",
  description: "GET the trace list (first, filtered, deep page) and a trace page over HTTP, signed in, beside their SQL",
  needsServer: true,
  async run(world, log) {
    if (!world.baseUrl) throw new Error("trace-pages needs the server");
    const capture = await captureFor(world);
    const token = /marginalia_session=([^;]+)/.exec(world.sessionCookie)?.[1];
    if (!token) throw new Error("The session cookie has no marginalia_session");

    const { actorForSessionToken } = await import("@/lib/auth/sessions");
    const { findProjectByName } = await import("@/lib/projects/projects");
    const { annotationReader } = await import("@/lib/review/blind-review");
    const { reviewRubricsForProject } = await import("@/lib/review/project-rubrics");
    const { loadTraceReview } = await import("@/lib/review/trace-review");
    const { getTraceDetail } = await import("@/lib/traces/get-trace-detail");
    const { countTraces, listTraces } = await import("@/lib/traces/list-traces");
    const { parseTraceFilters } = await import("@/lib/traces/trace-filters");
    const { traceReviewSummaries } = await import("@/lib/traces/trace-review-summary");

    const actor = await actorForSessionToken(token);
    const project = await findProjectByName(world.projectName);
    if (!actor || !project) throw new Error("The bench session or project is missing");
    const reader = annotationReader(actor, project);

    // What the traces page reads, in its order (lib only: the page's own code is JSX).
    const listPageReads = (raw: Record<string, string>) => async () => {
      await actorForSessionToken(token);
      const ref = await findProjectByName(world.projectName);
      const filters = parseTraceFilters(raw);
      const [page] = await Promise.all([listTraces(ref!.id, filters, reader), reviewRubricsForProject(ref!.id), countTraces(ref!.id, filters, reader)]);
      await traceReviewSummaries(page.rows.map((row) => row.id), reader);
    };
    const tracePageReads = (traceId: string) => async () => {
      await actorForSessionToken(token);
      const [ref, detail] = await Promise.all([findProjectByName(world.projectName), getTraceDetail(world.projectName, traceId)]);
      const root = detail!.spans.find((span) => !span.parentSpanId) ?? detail!.spans[0];
      await loadTraceReview(actor, ref!, detail!.trace.id, root);
    };

    // The pages measured: the first page, a filtered one, one 200 pages down the keyset, a trace.
    const filtered = { status: "ERROR", q: "refund" };
    const first = await listTraces(project.id, parseTraceFilters({}), reader);
    let cursor: string | undefined;
    let depth = 0;
    for (; depth < 200; depth++) {
      const page = await listTraces(project.id, parseTraceFilters(cursor ? { cursor } : {}), reader);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const trace = [...first.rows].sort((a, b) => b.spanCount - a.spanCount)[0];
    if (!trace) throw new Error("No traces in the bench project");
    const base = `/projects/${encodeURIComponent(world.projectName)}/traces`;
    const pages = [
      { figure: "trace list page, first 50 (HTTP)", path: base, reads: listPageReads({}) },
      { figure: "trace list page, ERROR + q=refund (HTTP)", path: `${base}?${new URLSearchParams(filtered)}`, reads: listPageReads(filtered) },
      { figure: `trace list page, ${depth} pages down (HTTP)`, path: `${base}?cursor=${cursor ?? ""}`, reads: listPageReads(cursor ? { cursor } : {}) },
      { figure: `trace page, ${trace.spanCount} spans (HTTP)`, path: `${base}/${trace.traceId}`, reads: tracePageReads(trace.traceId) },
    ];

    const raw = new pg.Client({ connectionString: world.databaseUrl });
    await raw.connect();
    const runs = world.quick ? 15 : 100;
    const warmups = world.quick ? 3 : 10;
    const rows: BenchRow[] = [];
    try {
      for (const { figure, path, reads } of pages) {
        let bytes = 0;
        const get = async () => {
          const response = await fetch(world.baseUrl + path, { headers: { cookie: world.sessionCookie }, redirect: "manual" });
          const body = await response.text();
          if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
          bytes = body.length;
        };
        for (let i = 0; i < warmups; i++) await get();
        const cpuBefore = treeCpuMs(world.serverPid);
        const http = await timeRuns(get, 0, runs);
        const cpuAfter = treeCpuMs(world.serverPid);
        const queries = await capture(reads);
        const sql = await timeRuns(replay(raw, queries), warmups, runs);
        const cpu = cpuBefore !== null && cpuAfter !== null ? `, server CPU ${((cpuAfter - cpuBefore) / runs).toFixed(1)} ms/page` : "";
        const note = `${Math.round(bytes / 1024)} KB HTML${cpu}, ${queries.length} statements`;
        log(`${figure}: ${http.p50.toFixed(1)} ms p50, ${http.p95.toFixed(1)} p95 (raw SQL ${sql.p50.toFixed(1)} ms; ${note})`);
        rows.push({
          figure,
          p50Ms: http.p50,
          p95Ms: http.p95,
          rawSql: { p50Ms: sql.p50, p95Ms: sql.p95 },
          target: TARGET,
          met: http.p50 <= TARGET_MS,
          note,
        });
      }
    } finally {
      await raw.end();
    }
    return rows;
  },
};
