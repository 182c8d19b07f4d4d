// `npm run bench:lists`: server time of the lists' capped counts, the
// sessions list and review-list snapshots, on the database `npm run bench:traces`
// seeds (run it first with --seed-only).
//   BENCH_DATABASE_URL  default postgresql://postgres@127.0.0.1:5432/marginalia_bench
//   BENCH_RUNS          timed runs per query (default 30, after 3 warm-ups)
//   BENCH_PROJECT       project to read (default bench)
// Target: p50 ≤ 50 ms per call.
export {};

process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/marginalia_bench";
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PROJECT = process.env.BENCH_PROJECT ?? "bench";

const { prisma } = await import("@/lib/db");
const { countTraces, listTraceIds } = await import("@/lib/traces/list-traces");
const { parseTraceFilters } = await import("@/lib/traces/trace-filters");
const { countSpans } = await import("@/lib/spans/list-spans");
const { parseSpanFilters } = await import("@/lib/spans/span-filters");
const { countSessions, listSessions } = await import("@/lib/sessions/list-sessions");
const { parseSessionFilters } = await import("@/lib/sessions/session-filters");
const { sessionRubricFor } = await import("@/lib/sessions/session-rubric");
const { annotationReader } = await import("@/lib/review/blind-review");
const { openTraceReviewList } = await import("@/lib/review/open-review-list");
const { reviewListPosition } = await import("@/lib/review/review-lists");
const { localAdminActor } = await import("@/lib/auth/local-mode");

const project = await prisma.project.findUniqueOrThrow({ where: { name: PROJECT }, select: { id: true, name: true, blindReview: true } });
const actor = await localAdminActor();
const reader = annotationReader(actor, project);
const rubric = await sessionRubricFor(project.id, undefined);
const counts = await prisma.$queryRaw<{ traces: number; sessions: number }[]>`
  SELECT (SELECT count(*) FROM traces WHERE project_id = ${project.id})::int AS traces,
         (SELECT count(*) FROM sessions WHERE project_id = ${project.id})::int AS sessions`;
console.log(`Project "${PROJECT}": ${counts[0].traces.toLocaleString("en-US")} traces, ${counts[0].sessions.toLocaleString("en-US")} sessions`);

async function measure(name: string, work: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const p50 = samples[Math.floor(samples.length / 2)];
  console.log(`  ${name.padEnd(58)} p50 ${p50.toFixed(1).padStart(6)} ms  max ${samples.at(-1)!.toFixed(1).padStart(6)} ms ${p50 <= 50 ? "" : " (over 50 ms)"}`);
}

const traceFilters = (raw: Record<string, string>) => parseTraceFilters(raw);
const sessionFilters = (raw: Record<string, string>) => parseSessionFilters(raw);
const ctx = { rubric, reader };
await measure("count traces, no filter (1,000+)", () => countTraces(project.id, traceFilters({}), reader));
await measure("count traces, q=refund", () => countTraces(project.id, traceFilters({ q: "refund" }), reader));
await measure("count traces, status=ERROR, q=refund", () => countTraces(project.id, traceFilters({ status: "ERROR", q: "refund" }), reader));
await measure("count traces, not reviewed by me", () => countTraces(project.id, traceFilters({ reviewed: "not-me" }), reader));
await measure("count spans, no filter (1,000+)", () => countSpans(project.id, parseSpanFilters({})));
await measure("count spans, kind=RETRIEVER", () => countSpans(project.id, parseSpanFilters({ kind: "RETRIEVER" })));
await measure("sessions page, newest first", () => listSessions(project.id, sessionFilters({}), ctx));
await measure("sessions page, by turns", () => listSessions(project.id, sessionFilters({ sort: "turns" }), ctx));
await measure("sessions page, by satisfaction", () => listSessions(project.id, sessionFilters({ sort: "satisfaction" }), ctx));
await measure("sessions page, q=export, 3+ turns", () => listSessions(project.id, sessionFilters({ q: "export", turnsMin: "3" }), ctx));
await measure("count sessions, no filter", () => countSessions(project.id, sessionFilters({}), ctx));
await measure("count sessions, unrated", () => countSessions(project.id, sessionFilters({ rated: "unrated" }), ctx));
await measure("count sessions, q=export", () => countSessions(project.id, sessionFilters({ q: "export" }), ctx));
await measure("trace ids for a review list (1,001)", () => listTraceIds(project.id, traceFilters({ reviewed: "not-me" }), reader, 1001));
const list = (await openTraceReviewList(actor, project, { reviewed: "not-me" }))!;
await measure("open a review list (snapshot of 1,000 ids)", () => openTraceReviewList(actor, project, { reviewed: "not-me" }));
await measure("review list position (with done by me)", () => reviewListPosition(list, 500, actor.userId));
await prisma.reviewList.deleteMany({ where: { projectId: project.id } });
await prisma.$disconnect();
process.exit(0);
