// The notes of `npm run bench:notes`: many varied notes by several authors on the
// spans, traces and sessions of a seeded project, with themes tagging some, each
// written in one statement (texts are made in JS, rows in SQL from unnest).
import type pg from "pg";
import { POLICY_SLIPS } from "@/lib/demo/demo-note-policies";
import * as texts from "@/lib/demo/demo-note-texts";
import { HELP_ARTICLES } from "@/lib/demo/help-center-articles";
import { createRandom, type Random } from "@/lib/demo/random";

/** Written into a few notes only, for the rare-phrase search. */
export const RARE_PHRASE = "quarterly reconciliation spreadsheet";
const RARE_NOTES = 12;

type Mode = { theme: string; weight: number; lists: readonly (readonly string[])[] };
const MODES: readonly Mode[] = [
  { theme: "Hallucinated policy", weight: 24, lists: [texts.HALLUCINATED_POLICY] },
  { theme: "Ignored retrieved document", weight: 18, lists: [texts.IGNORED_DOCUMENT, texts.RANKED_WRONG, texts.DEFLECTED] },
  { theme: "Wrong tool", weight: 14, lists: [...Object.values(texts.WRONG_TOOL_SPAN), texts.MISSING_TOOL] },
  { theme: "Tone", weight: 15, lists: [texts.TONE, ...Object.values(texts.TONE_BY_TURN), texts.CANNED_CLOSING, texts.GENERIC_APOLOGY] },
  { theme: "Leaked internal note", weight: 2, lists: [texts.LEAKED_INTERNAL] },
  { theme: "Repeated clarifying question", weight: 7, lists: [texts.REPEATED_QUESTION] },
  { theme: "Infra errors", weight: 4, lists: [texts.INFRA] },
  { theme: "Looks good", weight: 16, lists: [texts.POSITIVE, texts.SESSION_GENERAL] },
];
const ASIDES = [
  "", "", "", "", " Second time today.", " Seen on {model} only.", " Customer is on {plan}.", " Low priority.",
  " Same in the session before.", " Flagging for the weekly review.", " Not sure this is the model's fault.", " (checked twice)",
];
const NAMES = ["Amara", "Ben", "Carla", "Dmitri", "Elif", "Felix", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Liam", "Maya", "Nico"];
const COMPANIES = ["Northwind Labs", "Bluefin Analytics", "Helio Health", "Tandem Freight", "Quarry & Co", "Pinecrest Bank"];
const TOOLS = ["lookup_order", "check_service_status", "create_ticket"];
const slips = Object.entries(POLICY_SLIPS).flatMap(([id, list]) => list.map((slip) => ({ ...slip, source: HELP_ARTICLES.find((a) => a.id === id)!.title })));

function values(random: Random): Record<string, string> {
  const slip = random.pick(slips);
  const [doc, rightDoc] = random.shuffle(HELP_ARTICLES).map((a) => a.title);
  return {
    ...slip, doc, rightDoc, name: random.pick(NAMES), company: random.pick(COMPANIES), plan: random.pick(["Starter", "Team", "Business"]),
    region: random.pick(["us-east-1", "eu-west-1", "ap-southeast-2"]), model: random.pick(["gpt-4o-mini", "gpt-4.1", "claude-sonnet-4-5"]),
    order: `ORD-${random.int(100000, 999999)}`, lookedUpOrder: `ORD-${random.int(100000, 999999)}`, ticket: `TCK-${random.int(10000, 99999)}`,
    tool: random.pick(TOOLS), service: "dashboard", queue: random.pick(["billing", "account", "platform"]), priority: "high",
    docScore: random.between(0.5, 0.95).toFixed(2), rightScore: random.between(0.5, 0.95).toFixed(2), rightPos: String(random.int(2, 5)),
    latency: random.between(0.8, 9).toFixed(1), turns: String(random.int(3, 6)),
  };
}

const fill = (template: string, vals: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => vals[key] ?? key);

export type BenchNote = { text: string; mode: number };

/** `count` notes' texts and their failure mode (index into themes()). */
export function noteTexts(count: number, seed = 7): BenchNote[] {
  const random = createRandom(seed);
  const weights = MODES.map((mode, index) => [index, mode.weight] as const);
  return Array.from({ length: count }, (_, i) => {
    const mode = random.weighted(weights);
    const vals = values(random);
    const text = fill(random.pick(random.pick(MODES[mode].lists)), vals) + fill(random.pick(ASIDES), vals);
    return { text: i % Math.floor(count / RARE_NOTES) === 7 ? `${text} Asked for the ${RARE_PHRASE} again.` : text, mode };
  });
}

export const themeNames = () => MODES.map((mode) => mode.theme);

type Targets = { spans: { id: number; traceRowId: number }[]; traces: number[]; sessions: number[] };

/** Inserts the notes (one statement) and tags about half of each mode's notes with its theme (one more). */
export async function insertNotes(db: pg.Client, projectId: number, notes: BenchNote[], authors: { id: string; weight: number }[], targets: Targets, period: { from: Date; to: Date }) {
  const random = createRandom(11);
  const authorWeights = authors.map((a) => [a.id, a.weight] as const);
  const columns = { kind: [] as string[], target: [] as number[], span: [] as (number | null)[], trace: [] as (number | null)[],
    session: [] as (number | null)[], text: [] as string[], user: [] as string[], at: [] as string[] };
  const span = period.to.getTime() - period.from.getTime();
  for (const note of notes) {
    const roll = random.next();
    if (roll < 0.55) {
      const s = random.pick(targets.spans);
      columns.kind.push("SPAN"); columns.target.push(s.id); columns.span.push(s.id); columns.trace.push(s.traceRowId); columns.session.push(null);
    } else if (roll < 0.85) {
      const t = random.pick(targets.traces);
      columns.kind.push("TRACE"); columns.target.push(t); columns.span.push(null); columns.trace.push(t); columns.session.push(null);
    } else {
      const s = random.pick(targets.sessions);
      columns.kind.push("SESSION"); columns.target.push(s); columns.span.push(null); columns.trace.push(null); columns.session.push(s);
    }
    columns.text.push(note.text);
    columns.user.push(random.weighted(authorWeights));
    columns.at.push(new Date(period.from.getTime() + random.next() * span).toISOString());
  }
  // The row number becomes the uuid's last group, so RETURNING tells which note got which id.
  const { rows } = await db.query<{ id: number; n: string }>(`
    INSERT INTO annotations (target_type, target_id, document_position, name, identifier, project_id, span_row_id,
      trace_row_id, session_row_id, explanation, annotator_kind, source, user_id, created_at, updated_at)
    SELECT x.kind::"AnnotationTarget", x.target, -1, 'note',
      'px-' || lower(x.kind) || '-note:00000000-0000-4000-8000-' || lpad(to_hex(x.n), 12, '0'), $1, x.span, x.trace, x.session,
      x.text, 'HUMAN', 'APP', x.usr, x.at, x.at
    FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::uuid[], $9::timestamptz[])
      WITH ORDINALITY AS x(kind, target, span, trace, session, text, usr, at, n)
    RETURNING id, right(identifier, 12) AS n`,
    [projectId, columns.kind, columns.target, columns.span, columns.trace, columns.session, columns.text, columns.user, columns.at]);
  const idOf = new Map(rows.map((row) => [parseInt(row.n, 16) - 1, row.id]));

  const themeIds: number[] = [];
  for (const name of themeNames()) {
    const { rows: [theme] } = await db.query<{ id: number }>(
      `INSERT INTO themes (project_id, name, description, created_by_id, updated_at) VALUES ($1, $2, '', $3, now()) RETURNING id`,
      [projectId, name, authors[0].id]);
    themeIds.push(theme.id);
  }
  const tags = { note: [] as number[], theme: [] as number[] };
  notes.forEach((note, index) => {
    if (!random.chance(0.45)) return;
    tags.note.push(idOf.get(index)!);
    tags.theme.push(themeIds[note.mode]);
    // Now and then a second theme ("Tone" often goes with another failure).
    if (note.mode !== 3 && random.chance(0.05)) {
      tags.note.push(idOf.get(index)!);
      tags.theme.push(themeIds[3]);
    }
  });
  await db.query(`INSERT INTO note_themes (annotation_id, theme_id, tagged_by_id)
    SELECT n, t, $3 FROM unnest($1::int[], $2::int[]) AS x(n, t)`, [tags.note, tags.theme, authors[0].id]);
  return { inserted: rows.length, tagged: new Set(tags.note).size, themeIds };
}
