// The data set of `npm run bench:dashboards` (and the agreement and export
// benches): project "bench-dashboards" with 100k sessions, 200k traces (two
// per session), 600k spans (three per trace, mixed kinds) and ~1M annotations,
// all written by generate_series statements in one transaction:
//   - user_satisfaction (1–5) on every session by an LLM judge ("judge:gpt-4o",
//     annotator_kind LLM, no user), and by each of 3 human reviewers on ~40%
//     of the sessions (identifier px-app:<user id>);
//   - correctness (correct / partially_correct / incorrect) and helpfulness
//     (0–10) on every trace by the judge and on ~50% of them by each of 2
//     humans; plus 10k notes on traces (which the dashboards must leave out).
// Every value derives from a latent quality per session (and per trace, near
// its session's), plus per-annotator noise; the judge is lenient (it rates
// poor sessions ~1 point higher than people do), so human and LLM figures
// differ the way the dashboards are meant to show. Deterministic (setseed).
// Idempotent: a database that already holds the seeded project is left as is.
import pg from "pg";
import { benchDatabase } from "./measure";

export const BENCH_DASHBOARD_PROJECT = "bench-dashboards";
export const JUDGE_IDENTIFIER = "judge:gpt-4o";
const DAY_ZERO = "2026-08-01T00:00:00Z";

export type DashboardBench = {
  projectId: number;
  seeded: boolean;
  /** The human reviewers' user ids (the first three rate sessions, the first two traces). */
  reviewers: string[];
  counts: { sessions: number; traces: number; spans: number; annotations: number };
};

async function counts(client: pg.Client, projectId: number): Promise<DashboardBench["counts"]> {
  const { rows } = await client.query(`SELECT
      (SELECT count(*)::int FROM sessions WHERE project_id = $1) AS sessions,
      (SELECT count(*)::int FROM traces WHERE project_id = $1) AS traces,
      (SELECT count(*)::int FROM spans WHERE project_id = $1) AS spans,
      (SELECT count(*)::int FROM annotations WHERE project_id = $1) AS annotations`, [projectId]);
  return rows[0];
}

const reviewerIds = async (client: pg.Client) =>
  (await client.query(`SELECT id FROM users WHERE email LIKE 'reviewer%@bench-dashboards.dev' ORDER BY email`)).rows.map((r) => r.id as string);

/**
 * Creates the database if missing, applies the migrations, and seeds the
 * project unless it is already there (complete: the seed is one transaction).
 */
export async function seedDashboardBench(databaseUrl: string, options: { sessions?: number; log?: (line: string) => void } = {}): Promise<DashboardBench> {
  const sessions = options.sessions ?? Number(process.env.BENCH_SESSIONS ?? 100_000);
  const log = options.log ?? ((line: string) => console.log(line));
  await benchDatabase(databaseUrl).ensure();
  const { applyPendingMigrations } = await import("@/lib/db/migrate");
  const applied = await applyPendingMigrations({ kind: "postgres", url: databaseUrl });
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query(`SELECT id FROM projects WHERE name = $1`, [BENCH_DASHBOARD_PROJECT]);
    if (existing.rowCount) {
      const projectId = existing.rows[0].id as number;
      return { projectId, seeded: false, reviewers: await reviewerIds(client), counts: await counts(client, projectId) };
    }
    const started = performance.now();
    log(`Seeding "${BENCH_DASHBOARD_PROJECT}": ${sessions.toLocaleString("en-US")} sessions, ${(2 * sessions).toLocaleString("en-US")} traces, ~${(10.2 * sessions).toLocaleString("en-US")} annotations…`);
    await client.query("BEGIN");
    await client.query("SELECT setseed(0.42)");
    const projectId = (await client.query(`INSERT INTO projects (name, description, updated_at) VALUES ($1, 'Dashboards bench', now()) RETURNING id`,
      [BENCH_DASHBOARD_PROJECT])).rows[0].id as number;

    await client.query(`INSERT INTO users (id, email, name, role, updated_at)
      SELECT gen_random_uuid(), 'reviewer' || i || '@bench-dashboards.dev', (ARRAY['Ana Ortiz', 'Ben Okafor', 'Chen Wei'])[i], 'REVIEWER', now()
      FROM generate_series(1, 3) i ON CONFLICT (email) DO NOTHING`);
    const reviewers = await reviewerIds(client);

    // Rubrics are global by name: reuse any already there (a shared database), attach them.
    await client.query(`INSERT INTO rubrics (name, type, description, optimization_direction, values, lower_bound, upper_bound, targets, updated_at) VALUES
      ('user_satisfaction', 'CONTINUOUS', 'How satisfied the customer would be, 1–5.', 'MAXIMIZE', '[]', 1, 5, '{SESSION}', now()),
      ('correctness', 'CATEGORICAL', 'Is the answer correct?', 'MAXIMIZE',
        '[{"label":"correct","score":1},{"label":"partially_correct","score":0.5},{"label":"incorrect","score":0}]', NULL, NULL, '{TRACE}', now()),
      ('helpfulness', 'CONTINUOUS', 'How helpful the turn was, 0–10.', 'MAXIMIZE', '[]', 0, 10, '{TRACE}', now())
      ON CONFLICT (name) DO NOTHING`);
    await client.query(`INSERT INTO project_rubrics (project_id, rubric_id)
      SELECT $1, id FROM rubrics WHERE name IN ('user_satisfaction', 'correctness', 'helpfulness')`, [projectId]);

    // Sessions over ~90 days, each with a latent quality q in [1, 5] skewed to good.
    await client.query(`CREATE TEMP TABLE bench_q ON COMMIT DROP AS
      SELECT g, 1 + 4 * power(random(), 0.6) AS q FROM generate_series(1, $1::int) g`, [sessions]);
    const span = `interval '90 days' / ${sessions}`;
    await client.query(`INSERT INTO sessions (session_id, project_id, start_time, end_time, trace_count, first_input, last_output)
      SELECT 'bench-session-' || lpad(g::text, 6, '0'), $1, $2::timestamptz + g * ${span}, $2::timestamptz + g * ${span} + interval '90 seconds', 2,
        (ARRAY['Where is my refund?', 'How do I reset my password?', 'Can I change my plan?', 'The dashboard is down', 'Cancel my subscription'])[1 + g % 5]
          || ' (#' || g || ')', 'Thanks, that helps.'
      FROM generate_series(1, $3::int) g ORDER BY g`, [projectId, DAY_ZERO, sessions]);
    await client.query(`CREATE TEMP TABLE bench_sessions ON COMMIT DROP AS
      SELECT s.id, q.g, q.q, s.start_time FROM sessions s JOIN bench_q q ON s.session_id = 'bench-session-' || lpad(q.g::text, 6, '0')
      WHERE s.project_id = $1`, [projectId]);

    // Two traces per session; each trace's quality p in [0, 1] near its session's.
    const names = `(ARRAY['support_turn', 'refund_request', 'billing_question', 'password_reset', 'escalation'])`;
    await client.query(`CREATE TEMP TABLE bench_traces ON COMMIT DROP AS
      SELECT s.id AS session_row, s.g * 2 + k AS n, s.start_time + k * interval '40 seconds' AS start_time,
        greatest(0, least(1, (s.q - 1) / 4 + (random() - 0.5) * 0.3)) AS p
      FROM bench_sessions s CROSS JOIN generate_series(0, 1) k`);
    await client.query(`INSERT INTO traces (trace_id, project_id, session_row_id, root_span_id, root_span_name, root_span_kind, status_code,
        start_time, end_time, latency_ms, span_count, input_preview, output_preview)
      SELECT md5('bench-dashboards-trace-' || n), $1, session_row, substr(md5('bench-dashboards-span-' || n || '-0'), 1, 16),
        ${names}[1 + n % 5], (CASE WHEN n % 7 = 0 THEN 'AGENT' ELSE 'CHAIN' END)::"SpanKind", 'OK',
        start_time, start_time + interval '1200 ms', 1200, 3, 'Customer question number ' || n, 'Answer number ' || n
      FROM bench_traces ORDER BY n`, [projectId]);
    await client.query(`CREATE TEMP TABLE bench_trace_rows ON COMMIT DROP AS
      SELECT t.id, b.session_row, b.n, b.p, t.start_time, t.root_span_name, t.root_span_kind
      FROM traces t JOIN bench_traces b ON t.trace_id = md5('bench-dashboards-trace-' || b.n) WHERE t.project_id = $1`, [projectId]);

    // Three spans per trace: the root (its name and kind), a retriever or a tool, an LLM call.
    await client.query(`INSERT INTO spans (span_id, trace_row_id, project_id, parent_span_id, name, span_kind, status_code, start_time, end_time)
      SELECT substr(md5('bench-dashboards-span-' || t.n || '-' || k), 1, 16), t.id, $1,
        CASE WHEN k > 0 THEN substr(md5('bench-dashboards-span-' || t.n || '-0'), 1, 16) END,
        CASE k WHEN 0 THEN t.root_span_name WHEN 1 THEN (CASE WHEN t.n % 3 = 0 THEN 'lookup_order' ELSE 'retrieve_docs' END) ELSE 'generate_answer' END,
        (CASE k WHEN 0 THEN t.root_span_kind::text WHEN 1 THEN (CASE WHEN t.n % 3 = 0 THEN 'TOOL' ELSE 'RETRIEVER' END) ELSE 'LLM' END)::"SpanKind",
        'OK', t.start_time + k * interval '100 ms', t.start_time + interval '1200 ms'
      FROM bench_trace_rows t CROSS JOIN generate_series(0, 2) k ORDER BY t.n, k`, [projectId]);

    const insert = `INSERT INTO annotations (project_id, target_type, target_id, trace_row_id, session_row_id, name, label, score,
      annotator_kind, identifier, source, user_id, created_at, updated_at)`;
    // Session ratings: humans (each on ~40%) within 3 days of the session, the judge on every session within the hour.
    await client.query(`${insert}
      SELECT $1, 'SESSION', s.id, NULL, s.id, 'user_satisfaction', NULL,
        greatest(1, least(5, round(s.q + (random() - 0.5) * 1.6 + (r.i - 2) * 0.2))), 'HUMAN', 'px-app:' || r.id, 'APP', r.id::uuid,
        s.start_time + random() * interval '72 hours', s.start_time + interval '72 hours'
      FROM bench_sessions s CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS r(id, i)
      WHERE random() < 0.4`, [projectId, reviewers]);
    await client.query(`${insert}
      SELECT $1, 'SESSION', s.id, NULL, s.id, 'user_satisfaction', NULL,
        greatest(1, least(5, round(s.q + 0.5 * (5 - s.q) / 2 + (random() - 0.5) * 1.2))), 'LLM', $2, 'API', NULL,
        s.start_time + random() * interval '1 hour', s.start_time + interval '1 hour'
      FROM bench_sessions s`, [projectId, JUDGE_IDENTIFIER]);

    // Trace labels and scores: two humans on ~50% each, the judge on all (lenient on poor answers).
    const label = (p: string) => `CASE WHEN ${p} >= 0.66 THEN 'correct' WHEN ${p} >= 0.4 THEN 'partially_correct' ELSE 'incorrect' END`;
    const labelScore = (p: string) => `CASE WHEN ${p} >= 0.66 THEN 1 WHEN ${p} >= 0.4 THEN 0.5 ELSE 0 END`;
    await client.query(`${insert}
      SELECT $1, 'TRACE', t.id, t.id, NULL, 'correctness', ${label("v.p")}, ${labelScore("v.p")}, 'HUMAN', 'px-app:' || r.id, 'APP', r.id::uuid,
        t.start_time + random() * interval '96 hours', t.start_time + interval '96 hours'
      FROM bench_trace_rows t CROSS JOIN unnest($2::text[]) AS r(id)
      CROSS JOIN LATERAL (SELECT t.p + (random() - 0.5) * 0.3 + 0 * t.id AS p) v
      WHERE random() < 0.5`, [projectId, reviewers.slice(0, 2)]);
    await client.query(`${insert}
      SELECT $1, 'TRACE', t.id, t.id, NULL, 'helpfulness', NULL, greatest(0, least(10, round(10 * t.p + (random() - 0.5) * 3))),
        'HUMAN', 'px-app:' || r.id, 'APP', r.id::uuid, t.start_time + random() * interval '96 hours', t.start_time + interval '96 hours'
      FROM bench_trace_rows t CROSS JOIN unnest($2::text[]) AS r(id)
      WHERE random() < 0.5`, [projectId, reviewers.slice(0, 2)]);
    await client.query(`${insert}
      SELECT $1, 'TRACE', t.id, t.id, NULL, 'correctness', ${label("v.p")}, ${labelScore("v.p")}, 'LLM', $2, 'API', NULL,
        t.start_time + random() * interval '1 hour', t.start_time + interval '1 hour'
      FROM bench_trace_rows t CROSS JOIN LATERAL (SELECT t.p + 0.15 * (1 - t.p) + (random() - 0.5) * 0.2 + 0 * t.id AS p) v`,
    [projectId, JUDGE_IDENTIFIER]);
    await client.query(`${insert}
      SELECT $1, 'TRACE', t.id, t.id, NULL, 'helpfulness', NULL, greatest(0, least(10, round(10 * t.p + 1.5 * (1 - t.p) + (random() - 0.5) * 2))),
        'LLM', $2, 'API', NULL, t.start_time + random() * interval '1 hour', t.start_time + interval '1 hour'
      FROM bench_trace_rows t`, [projectId, JUDGE_IDENTIFIER]);
    // Notes (left out of every figure): 10k on traces (every 20th), by the humans.
    await client.query(`INSERT INTO annotations (project_id, target_type, target_id, trace_row_id, name, explanation,
        annotator_kind, identifier, source, user_id, created_at, updated_at)
      SELECT $1, 'TRACE', t.id, t.id, 'note', 'Checked against the refund policy, trace ' || t.n, 'HUMAN',
        'px-trace-note:' || md5('bench-note-' || t.n), 'APP', (($2::text[])[1 + t.n % 3])::uuid, t.start_time + interval '2 hours', t.start_time + interval '2 hours'
      FROM bench_trace_rows t WHERE t.n % 20 = 0`, [projectId, reviewers]);
    await client.query("COMMIT");
    log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s; vacuuming…`);
    for (const table of ["sessions", "traces", "spans", "annotations", "users", "rubrics", "project_rubrics"]) await client.query(`VACUUM ANALYZE ${table}`);
    return { projectId, seeded: true, reviewers, counts: await counts(client, projectId) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
