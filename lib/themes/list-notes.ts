import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNT_CAP, countCapped, type CappedCount } from "@/lib/pagination/capped-count";
import { decodeCursor, toPage, type Page } from "@/lib/pagination/keyset";
import { annotationReader, visibleAnnotation, type AnnotationReader } from "@/lib/review/blind-review";
import { timeWindow } from "@/lib/traces/trace-filters";
import type { NoteFilters } from "./note-filters";
import type { NoteListRow } from "./theme-types";

// The notes page: a project's notes (annotations named 'note' on spans, traces
// and sessions, whoever wrote them, in the app or over the Phoenix API), newest
// first or, with a search, best match first. Keyset pages, no OFFSET.

const query = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;
// float8 on both sides of the keyset: a float4 rank read into JS and sent back
// as the cursor then compares exactly, whatever type the parameter is given.
const rankOf = (q: string, alias = Prisma.sql`n`) => Prisma.sql`ts_rank_cd(${alias}.search_vector, ${query(q)})::float8`;

async function readerFor(actor: Actor, projectId: number): Promise<AnnotationReader> {
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { blindReview: true } });
  if (!project) throw new NotFoundError(`Project ${projectId} does not exist.`);
  return annotationReader(actor, project);
}

// A rubric label someone gave on the note's trace (its spans included), or on
// its session for a session note, as the reader may see it. Uncorrelated IN
// lists: Postgres computes each once and probes it as a hash per note, where a
// correlated EXISTS under OR would probe the annotations (and, under blind
// review, the reader's own) for every note until a page is full.
function rubricCondition(projectId: number, filters: NoteFilters, reader: AnnotationReader): Prisma.Sql | null {
  if (!filters.rubric) return null;
  const match = Prisma.sql`a.project_id = ${projectId} AND a.name = ${filters.rubric}
    ${filters.label ? Prisma.sql`AND a.label = ${filters.label}` : Prisma.empty} AND ${visibleAnnotation(Prisma.sql`a`, reader)}`;
  return Prisma.sql`(n.trace_row_id IN (SELECT a.trace_row_id FROM annotations a WHERE ${match} AND a.trace_row_id IS NOT NULL)
    OR (n.target_type = 'SESSION' AND n.session_row_id IN (
      SELECT a.session_row_id FROM annotations a WHERE ${match} AND a.target_type = 'SESSION')))`;
}

/** The WHERE conditions (over annotations `n`) of the filtered notes, without the cursor. */
export function noteConditions(projectId: number, filters: NoteFilters, reader: AnnotationReader): Prisma.Sql[] {
  const conditions = [Prisma.sql`n.project_id = ${projectId}`, Prisma.sql`n.name = 'note'`];
  const { from, to } = timeWindow(filters);
  if (from) conditions.push(Prisma.sql`n.created_at >= ${from}`);
  if (to) conditions.push(Prisma.sql`n.created_at <= ${to}`);
  if (filters.reviewer) conditions.push(Prisma.sql`n.user_id = ${filters.reviewer}::uuid`);
  if (filters.target) conditions.push(Prisma.sql`n.target_type = ${filters.target}::"AnnotationTarget"`);
  if (filters.spanKind) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM spans sk WHERE sk.id = n.span_row_id AND sk.span_kind = ${filters.spanKind}::"SpanKind")`);
  }
  if (filters.theme) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM note_themes nt WHERE nt.annotation_id = n.id AND nt.theme_id = ${filters.theme})`);
  }
  if (filters.untagged) conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM note_themes nt WHERE nt.annotation_id = n.id)`);
  const rubric = rubricCondition(projectId, filters, reader);
  if (rubric) conditions.push(rubric);
  if (filters.q) conditions.push(Prisma.sql`n.search_vector @@ ${query(filters.q)}`);
  return conditions;
}

// A search ranks every match. On a small machine also serving the app, parallel
// workers cost more to start than they save: 32k matches of 100k notes took
// 505 ms with 2 workers and 128 ms without, under load (p50 of 7).
async function serially<T>(sql: Prisma.Sql): Promise<T> {
  const [, rows] = await prisma.$transaction([
    prisma.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
    prisma.$queryRaw<T>(sql),
  ]);
  return rows;
}

/** A search ranks the newest this many matches (the count's cap); the page says so when there are more. */
export const SEARCH_WINDOW = COUNT_CAP;

type PageKey = { id: number; createdAt: Date; rank: number | null };

// Step 1: the page's ids over the index (created_at, id) or the search ranking.
function pageIds(projectId: number, filters: NoteFilters, reader: AnnotationReader): Prisma.Sql {
  const conditions = noteConditions(projectId, filters, reader);
  const cursor = decodeCursor(filters.cursor);
  if (filters.q) {
    // Ranked among the newest SEARCH_WINDOW matches: ranking every match of a common
    // word reads all of them (26k of 100k notes: 110-135 ms serial under load), the
    // window walks the (project, name, created_at) index and stops (about 20 ms).
    const rank = rankOf(filters.q, Prisma.sql`m`);
    const after = cursor ? Prisma.sql`WHERE (${rank}, m.id) < (${Number(cursor.value)}::float8, ${cursor.id})` : Prisma.empty;
    return Prisma.sql`SELECT m.id, m.created_at, ${rank} AS rank FROM (
        SELECT n.id, n.created_at, n.search_vector FROM annotations n WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY n.created_at DESC, n.id DESC LIMIT ${SEARCH_WINDOW}) m
      ${after} ORDER BY rank DESC, m.id DESC LIMIT ${filters.limit + 1}`;
  }
  if (cursor) conditions.push(Prisma.sql`(n.created_at, n.id) < (${String(cursor.value)}::timestamptz, ${cursor.id})`);
  return Prisma.sql`SELECT n.id, n.created_at, NULL::float8 AS rank FROM annotations n
    WHERE ${Prisma.join(conditions, " AND ")} ORDER BY n.created_at DESC, n.id DESC LIMIT ${filters.limit + 1}`;
}

/** The page's statement: ids first (over the index), then the headline, target, themes and labels of those rows only. */
export function noteListStatement(projectId: number, filters: NoteFilters, reader: AnnotationReader): Prisma.Sql {
  const headline = filters.q
    ? Prisma.sql`ts_headline('english', coalesce(n.explanation, ''), ${query(filters.q)},
        'StartSel=«, StopSel=», MaxFragments=2, MaxWords=30, MinWords=10')`
    : Prisma.sql`NULL::text`;
  const labelVisible = visibleAnnotation(Prisma.sql`a`, reader);
  return Prisma.sql`
    WITH page AS (${pageIds(projectId, filters, reader)})
    SELECT n.id, coalesce(n.explanation, '') AS text, ${headline} AS headline,
      json_build_object('id', n.user_id, 'name', u.name) AS author,
      n.created_at AS "createdAt", p.rank, n.target_type AS "targetType",
      t.trace_id AS "traceId", t.root_span_name AS "traceRootName",
      sp.span_id AS "spanId", sp.name AS "spanName", sp.span_kind AS "spanKind",
      coalesce(s.session_id, ts.session_id) AS "sessionId",
      coalesce((SELECT json_agg(json_build_object('id', th.id, 'name', th.name) ORDER BY th.name)
        FROM note_themes nt JOIN themes th ON th.id = nt.theme_id WHERE nt.annotation_id = n.id), '[]'::json) AS themes,
      coalesce((SELECT json_agg(json_build_object('name', a.name, 'label', a.label, 'score', a.score, 'userName', au.name)
          ORDER BY a.name, a.created_at)
        FROM annotations a LEFT JOIN users au ON au.id = a.user_id
        WHERE a.target_type = n.target_type AND a.target_id = n.target_id AND a.document_position = -1
          AND a.name <> 'note' AND ${labelVisible}), '[]'::json) AS labels
    FROM page p
    JOIN annotations n ON n.id = p.id
    LEFT JOIN users u ON u.id = n.user_id
    LEFT JOIN spans sp ON sp.id = n.span_row_id
    LEFT JOIN traces t ON t.id = n.trace_row_id
    LEFT JOIN sessions ts ON ts.id = t.session_row_id
    LEFT JOIN sessions s ON s.id = n.session_row_id
    ORDER BY ${filters.q ? Prisma.sql`p.rank DESC, p.id DESC` : Prisma.sql`p.created_at DESC, p.id DESC`}`;
}

/** A page of notes with where each is, its themes and the labels given on its target. One statement. */
export async function listNotes(actor: Actor | null, projectId: number, filters: NoteFilters): Promise<Page<NoteListRow>> {
  authorize(actor, "read");
  const reader = await readerFor(actor, projectId);
  const rows = await serially<(NoteListRow & PageKey)[]>(noteListStatement(projectId, filters, reader));
  const page = toPage(rows, filters.limit, (row) => ({
    value: filters.q ? Number(row.rank) : row.createdAt.toISOString(),
    id: row.id,
  }));
  return { ...page, rows: page.rows.map(({ rank: _rank, ...row }) => row) };
}

/** How many notes the filters match, up to the cap. */
export async function countNotes(actor: Actor | null, projectId: number, filters: NoteFilters): Promise<CappedCount> {
  authorize(actor, "read");
  const reader = await readerFor(actor, projectId);
  return countCapped(Prisma.sql`FROM annotations n WHERE ${Prisma.join(noteConditions(projectId, filters, reader), " AND ")}`);
}

/** The filtered notes' texts, newest first, up to `max` (for clustering; the cursor is ignored). */
export async function loadNoteTexts(actor: Actor | null, projectId: number, filters: NoteFilters, max: number): Promise<{ id: number; text: string }[]> {
  authorize(actor, "read");
  const reader = await readerFor(actor, projectId);
  return prisma.$queryRaw<{ id: number; text: string }[]>`
    SELECT n.id, coalesce(n.explanation, '') AS text FROM annotations n
    WHERE ${Prisma.join(noteConditions(projectId, filters, reader), " AND ")}
    ORDER BY n.created_at DESC, n.id DESC LIMIT ${max}`;
}

/** Everyone who wrote a note in the project (the notes page's author filter), by name. */
export async function listNoteAuthors(actor: Actor | null, projectId: number): Promise<{ id: string; name: string }[]> {
  authorize(actor, "read");
  return prisma.$queryRaw<{ id: string; name: string }[]>`
    SELECT u.id::text AS id, u.name FROM users u
    WHERE EXISTS (SELECT 1 FROM annotations n WHERE n.project_id = ${projectId} AND n.name = 'note' AND n.user_id = u.id)
    ORDER BY u.name, u.id`;
}
