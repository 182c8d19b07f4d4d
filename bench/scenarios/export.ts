// Exports over HTTP (issue 11), as a script with the lead's API key pulls them:
// the long CSV of every label, score and note in the project (~1.1M rows at full
// size), the long JSONL of one rubric, and the wide CSV of one rubric, each read
// to the end. Rows/s, time to first byte, and the server's peak RSS (flat memory:
// the export streams from a cursor). Raw SQL: the same long-form statement
// through a cursor on a plain `pg` connection, FETCH 2000 at a time, as the app does.
import pg from "pg";
import type { BenchRow, BenchWorld, Scenario } from "../suite/contract";

type Pull = { rows: number; bytes: number; ms: number; firstByteMs: number };

export const scenario: Scenario = {
  name: "export",
  description: "annotation exports over HTTP (long CSV of all, long JSONL and wide CSV of one rubric), rows/s and peak RSS",
  needsServer: true,
  async run(world: BenchWorld, log) {
    const base = `/api/projects/${world.projectName}/export`;
    // --quick: one smaller rubric instead of everything.
    const cases: [string, string, Record<string, string>][] = world.quick
      ? [["long CSV, user_satisfaction", `${base}?rubric=user_satisfaction`, { rubric: "user_satisfaction" }]]
      : [
          ["long CSV, every annotation and note", base, {}],
          ["long JSONL, correctness", `${base}?rubric=correctness&format=jsonl`, { rubric: "correctness", format: "jsonl" }],
          ["wide CSV, correctness", `${base}?rubric=correctness&form=wide`, { rubric: "correctness", form: "wide" }],
        ];
    const rows: BenchRow[] = [];
    for (const [name, path, query] of cases) {
      const pull = await pullExport(world, path);
      const long = query.form !== "wide";
      const sql = long ? await rawExport(world, query) : null;
      const rate = (n: number, ms: number) => (n / ms) * 1000;
      log(`${name}: ${pull.rows.toLocaleString("en-US")} rows, ${(pull.bytes / 2 ** 20).toFixed(0)} MiB in ${(pull.ms / 1000).toFixed(1)} s, ` +
        `first byte ${pull.firstByteMs.toFixed(0)} ms${sql ? `; raw SQL ${(sql.ms / 1000).toFixed(1)} s` : ""}`);
      rows.push({
        figure: `export: ${name} (${pull.rows.toLocaleString("en-US")} rows, HTTP)`,
        p50Ms: pull.ms,
        throughput: { value: rate(pull.rows, pull.ms), unit: "rows/s" },
        rawSql: sql ? { p50Ms: sql.ms, throughput: { value: rate(sql.rows, sql.ms), unit: "rows/s" } } : undefined,
        target: "",
        met: null,
        note: `one run: the time is the whole download; first byte after ${pull.firstByteMs.toFixed(0)} ms` +
          (sql ? "" : "; no raw SQL figure for the wide form (its statement is built from the rubric's columns)"),
      });
    }
    return rows;
  },
};

/** Downloads `path` to the end, counting lines (one per row, after the CSV header). */
async function pullExport(world: BenchWorld, path: string): Promise<Pull> {
  const started = performance.now();
  const response = await fetch(world.baseUrl + path, { headers: { authorization: `Bearer ${world.apiKey}` } });
  if (response.status !== 200 || !response.body) throw new Error(`GET ${path}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  let firstByteMs = 0;
  let bytes = 0;
  let newlines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!firstByteMs) firstByteMs = performance.now() - started;
    bytes += value.length;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
  }
  const csv = !path.includes("format=jsonl");
  // Notes' explanations may hold line breaks inside quoted CSV cells: the count is of lines, near enough rows.
  return { rows: Math.max(0, newlines - (csv ? 1 : 0)), bytes, ms: performance.now() - started, firstByteMs };
}

/** The long-form statement the export runs, through a cursor, FETCH 2000 at a time. */
async function rawExport(world: BenchWorld, raw: Record<string, string>): Promise<{ rows: number; ms: number }> {
  const { prisma } = await import("@/lib/db");
  const { exportConditions, longFormSql } = await import("@/lib/export/export-sql");
  const { exportQuerySchema } = await import("@/lib/export/export-query");
  const { annotationReader } = await import("@/lib/review/blind-review");
  const { actorForUser } = await import("@/lib/auth/sessions");
  const project = await prisma.project.findUniqueOrThrow({ where: { name: world.projectName }, select: { id: true, blindReview: true } });
  const lead = actorForUser(await prisma.user.findFirstOrThrow({ where: { role: "LEAD" }, orderBy: { email: "asc" } }));
  const query = exportQuerySchema.parse({ ...raw, rubric: raw.rubric ? [raw.rubric] : undefined });
  const statement = longFormSql(exportConditions(project.id, query, annotationReader(lead, project), null));
  const client = new pg.Client({ connectionString: world.databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("BEGIN");
    await client.query(`DECLARE bench_export NO SCROLL CURSOR FOR ${statement.text}`, statement.values);
    let rows = 0;
    for (;;) {
      const { rowCount } = await client.query("FETCH 2000 FROM bench_export");
      if (!rowCount) break;
      rows += rowCount;
    }
    await client.query("COMMIT");
    return { rows, ms: performance.now() - started };
  } finally {
    await client.end();
  }
}
