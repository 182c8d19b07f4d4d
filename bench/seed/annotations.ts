// The bench world's labels and scores: layers of ratings written by
// INSERT … SELECT statements over the seeded rows (no rows through Node), each
// capped so the total comes to the asked-for count. In order:
//   user_satisfaction (1–5) on every session by the LLM judge, and by each
//   reviewer on ~40% of sessions; correctness and helpfulness on every trace by
//   the judge and on ~50% by each reviewer; faithfulness on LLM spans by the
//   judge, then by the reviewers, until the count is reached.
// Values follow a latent quality per session (traces near their session's,
// reviewers with their own noise, the judge lenient), from hashint4 of row ids:
// deterministic without setseed, so a layer can be re-run on its own.
import type pg from "pg";
import { DEMO_JUDGE } from "@/lib/demo/demo-ratings-plan";

type Layer = { name: string; sql: string };

// A number in [0, 1) from a row id and a salt.
const unit = (expr: string, salt: number) => `((hashint4((${expr})::int + ${salt}) & 1048575)::float8 / 1048576)`;
const quality = (sessionExpr: string) => unit(sessionExpr, 17);
const clamp = (expr: string, low: number, high: number) => `greatest(${low}, least(${high}, ${expr}))`;

const COLUMNS = `(project_id, target_type, target_id, span_row_id, trace_row_id, session_row_id, name, label, score,
  annotator_kind, identifier, source, user_id, created_at, updated_at)`;
const judge = `'LLM'::"AnnotatorKind", '${DEMO_JUDGE}', 'API'::"AnnotationSource", NULL::uuid`;
const human = `'HUMAN'::"AnnotatorKind", 'px-app:' || r.uid, 'APP'::"AnnotationSource", r.uid::uuid`;
const label = (p: string) => `CASE WHEN ${p} >= 0.66 THEN 'correct' WHEN ${p} >= 0.4 THEN 'partially_correct' ELSE 'incorrect' END`;
const labelScore = (p: string) => `CASE WHEN ${p} >= 0.66 THEN 1 WHEN ${p} >= 0.4 THEN 0.5 ELSE 0 END`;
// The session's quality with a trace's own spread, in [0, 1].
const traceQuality = clamp(`${quality("t.session_row_id")} + (${unit("t.id", 5)} - 0.5) * 0.3`, 0, 1);
const reviewerNoise = (row: string) => `(${unit(`${row} * 7 + r.i`, 29)} - 0.5)`;

function layers(): Layer[] {
  const sessions = `FROM sessions s WHERE s.project_id = $1`;
  const traces = `FROM traces t WHERE t.project_id = $1 AND t.session_row_id IS NOT NULL`;
  const raters = `CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS r(uid, i)`;
  const llmSpans = `FROM spans sp JOIN traces t ON t.id = sp.trace_row_id WHERE sp.project_id = $1 AND sp.span_kind = 'LLM' AND t.session_row_id IS NOT NULL`;
  return [
    { name: "user_satisfaction by the judge", sql: `SELECT $1::int, 'SESSION'::"AnnotationTarget", s.id, NULL::int, NULL::int, s.id, 'user_satisfaction', NULL,
        ${clamp(`round(1 + 4 * ${quality("s.id")} + 0.6 + (${unit("s.id", 3)} - 0.5) * 1.2)`, 1, 5)}, ${judge},
        s.start_time + interval '1 hour', s.start_time + interval '1 hour' ${sessions}` },
    { name: "user_satisfaction by reviewers", sql: `SELECT $1::int, 'SESSION'::"AnnotationTarget", s.id, NULL::int, NULL::int, s.id, 'user_satisfaction', NULL,
        ${clamp(`round(1 + 4 * ${quality("s.id")} + ${reviewerNoise("s.id")} * 1.6)`, 1, 5)}, ${human},
        s.start_time + interval '1 day', s.start_time + interval '1 day' FROM sessions s ${raters}
        WHERE s.project_id = $1 AND ${unit("s.id * 3 + r.i", 41)} < 0.4` },
    { name: "correctness by the judge", sql: `SELECT $1::int, 'TRACE'::"AnnotationTarget", t.id, NULL::int, t.id, NULL::int, 'correctness',
        ${label(`(${traceQuality} + 0.1)`)}, ${labelScore(`(${traceQuality} + 0.1)`)}, ${judge},
        t.start_time + interval '1 hour', t.start_time + interval '1 hour' ${traces}` },
    { name: "helpfulness by the judge", sql: `SELECT $1::int, 'TRACE'::"AnnotationTarget", t.id, NULL::int, t.id, NULL::int, 'helpfulness', NULL,
        ${clamp(`round(10 * ${traceQuality} + 1.5)`, 0, 10)}, ${judge},
        t.start_time + interval '1 hour', t.start_time + interval '1 hour' ${traces}` },
    { name: "correctness by reviewers", sql: `SELECT $1::int, 'TRACE'::"AnnotationTarget", t.id, NULL::int, t.id, NULL::int, 'correctness',
        ${label(`(${traceQuality} + ${reviewerNoise("t.id")} * 0.3)`)}, ${labelScore(`(${traceQuality} + ${reviewerNoise("t.id")} * 0.3)`)}, ${human},
        t.start_time + interval '2 days', t.start_time + interval '2 days' FROM traces t ${raters}
        WHERE t.project_id = $1 AND t.session_row_id IS NOT NULL AND ${unit("t.id * 3 + r.i", 43)} < 0.5` },
    { name: "helpfulness by reviewers", sql: `SELECT $1::int, 'TRACE'::"AnnotationTarget", t.id, NULL::int, t.id, NULL::int, 'helpfulness', NULL,
        ${clamp(`round(10 * ${traceQuality} + ${reviewerNoise("t.id")} * 3)`, 0, 10)}, ${human},
        t.start_time + interval '2 days', t.start_time + interval '2 days' FROM traces t ${raters}
        WHERE t.project_id = $1 AND t.session_row_id IS NOT NULL AND ${unit("t.id * 3 + r.i", 47)} < 0.5` },
    { name: "faithfulness by the judge", sql: `SELECT $1::int, 'SPAN'::"AnnotationTarget", sp.id, sp.id, t.id, NULL::int, 'faithfulness',
        CASE WHEN ${traceQuality} + 0.1 >= 0.4 THEN 'faithful' ELSE 'unfaithful' END, CASE WHEN ${traceQuality} + 0.1 >= 0.4 THEN 1 ELSE 0 END, ${judge},
        t.start_time + interval '1 hour', t.start_time + interval '1 hour' ${llmSpans}` },
    // Ordered, so the reviewers share what is left of the count evenly.
    { name: "faithfulness by reviewers", sql: `SELECT $1::int, 'SPAN'::"AnnotationTarget", sp.id, sp.id, t.id, NULL::int, 'faithfulness',
        CASE WHEN ${traceQuality} + ${reviewerNoise("sp.id")} * 0.3 >= 0.4 THEN 'faithful' ELSE 'unfaithful' END,
        CASE WHEN ${traceQuality} + ${reviewerNoise("sp.id")} * 0.3 >= 0.4 THEN 1 ELSE 0 END, ${human},
        t.start_time + interval '2 days', t.start_time + interval '2 days' ${llmSpans.replace("WHERE", `${raters} WHERE`)}
        ORDER BY sp.id, r.i` },
  ];
}

/** Writes up to `count` ratings; returns how many were written. */
export async function seedAnnotations(db: pg.Client, projectId: number, reviewerIds: string[], count: number, log: (line: string) => void) {
  let written = 0;
  for (const layer of layers()) {
    const left = count - written;
    if (left <= 0) break;
    const started = performance.now();
    // Postgres refuses a parameter it cannot type, so $2 (the reviewers) only where used.
    const byReviewers = layer.sql.includes("$2");
    const result = await db.query(`INSERT INTO annotations ${COLUMNS} SELECT * FROM (${layer.sql}) x LIMIT ${byReviewers ? "$3" : "$2"}`,
      byReviewers ? [projectId, reviewerIds, left] : [projectId, left]);
    written += result.rowCount ?? 0;
    log(`  ${layer.name}: ${(result.rowCount ?? 0).toLocaleString("en-US")} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  return written;
}
