// The notes page at 100k notes (issue 9): its list and count (listNotes /
// countNotes, what the page calls) for the first page, a common word, a rare
// phrase and a theme, each beside the raw SQL of the statements they send, and
// the whole page over HTTP for the first page and a search.
// Target (issue 9): first page and a search p50 ≤ 100 ms server time.
import pg from "pg";
import { timeRuns, type Stats } from "../measure";
import { RARE_PHRASE } from "../notes-page-seed";
import { replayOf } from "../suite/capture";
import type { BenchRow, BenchWorld, Scenario } from "../suite/contract";
import { get, getter } from "../suite/http";
import { cpuMsOf } from "../otlp-cpu";
import { processTree } from "../suite/process-tree";

const TARGET_MS = 100;
const COMMON_WORD = "customer";

export const scenario: Scenario = {
  name: "notes-search",
  description: "notes page: first page, full-text search and theme filter, list and count (domain and HTTP)",
  needsServer: true,
  async run(world: BenchWorld, log) {
    const runs = world.quick ? { warmups: 1, runs: 5 } : { warmups: 3, runs: 30 };
    const { prisma } = await import("@/lib/db");
    const { listNotes, countNotes } = await import("@/lib/themes/list-notes");
    const { parseNoteFilters } = await import("@/lib/themes/note-filters");
    const { actorForUser } = await import("@/lib/auth/sessions");
    const projectId = Number(world.projectId);
    const lead = actorForUser(await prisma.user.findFirstOrThrow({ where: { role: "LEAD" }, orderBy: { email: "asc" } }));
    const theme = await prisma.theme.findFirst({ where: { projectId }, orderBy: { notes: { _count: "desc" } }, select: { id: true, name: true } });
    const raw = new pg.Pool({ connectionString: world.databaseUrl, max: 2 });
    const rows: BenchRow[] = [];
    try {
      const cases: [string, Record<string, string>][] = [
        ["first page", {}],
        [`search a common word (${COMMON_WORD})`, { q: COMMON_WORD }],
        [`search a rare phrase ("${RARE_PHRASE}")`, { q: `"${RARE_PHRASE}"` }],
        ...(theme ? [[`theme "${theme.name}"`, { theme: String(theme.id) }] as [string, Record<string, string>]] : []),
      ];
      for (const [name, query] of cases) {
        const filters = parseNoteFilters(query);
        for (const [what, work] of [
          ["listNotes", () => listNotes(lead, projectId, filters)],
          ["countNotes", () => countNotes(lead, projectId, filters)],
        ] as const) {
          const app = await timeRuns(work, runs);
          const { replay } = await replayOf(raw, work);
          const sql = await timeRuns(replay, runs);
          rows.push(row(`${what}: ${name}`, app, sql));
          log(`${what}: ${name}: ${app.p50.toFixed(1)} ms p50 (raw SQL ${sql.p50.toFixed(1)} ms)`);
        }
      }
      // The page as the lead's browser gets it (list, count, themes, authors, layout).
      const notesPath = `/projects/${world.projectName}/notes`;
      for (const [name, path, sqlOf] of [
        ["notes page, first page (HTTP)", notesPath, "listNotes: first page"],
        [`notes page, search ${COMMON_WORD} (HTTP)`, `${notesPath}?q=${COMMON_WORD}`, `listNotes: search a common word (${COMMON_WORD})`],
      ] as const) {
        // The server's CPU per page (robust to other load on the machine) and the HTML's size.
        const cpuBefore = serverCpuMs(world.serverPid);
        const app = await timeRuns(getter(world, path), runs);
        const cpuAfter = serverCpuMs(world.serverPid);
        const calls = runs.warmups + runs.runs;
        const cpu = cpuBefore !== null && cpuAfter !== null ? `, server CPU ${((cpuAfter - cpuBefore) / calls).toFixed(1)} ms/page` : "";
        const html = (await get(world, path)).bytes;
        const sizes = `${Math.round(html / 1024)} KB HTML${cpu}`;
        rows.push({ ...row(name, app, null), rawSql: rows.find((r) => r.figure === sqlOf)?.rawSql, note: `${sizes}; raw SQL: the page's "${sqlOf}" statements only` });
        log(`${name}: ${app.p50.toFixed(1)} ms p50 (${sizes})`);
      }
    } finally {
      await raw.end();
    }
    return rows;
  },
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

/** CPU ms used so far by the server and its children (null without a server pid). */
function serverCpuMs(pid: number | null | undefined): number | null {
  return pid ? processTree(pid).reduce((sum, member) => sum + cpuMsOf(member), 0) : null;
}

