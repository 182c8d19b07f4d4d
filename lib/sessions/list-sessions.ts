import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { countCapped, type CappedCount } from "@/lib/pagination/capped-count";
import { decodeCursor, toPage, type Page } from "@/lib/pagination/keyset";
import { visibleAnnotation, type AnnotationReader } from "@/lib/review/blind-review";
import type { ReviewRubric } from "@/lib/review/rubric-values";
import { traceTextCondition } from "@/lib/traces/trace-text-search";
import { timeWindow } from "@/lib/traces/trace-filters";
import type { SessionFilters } from "./session-filters";
import type { SessionRow } from "./sessions";

// The sessions list: filters and sorts over the session rows, plus the ratings
// of one session rubric ("satisfaction") that the reader may see under blind
// review. Keyset pages on (sort value, id); no OFFSET.

export type SessionListRow = SessionRow & {
  // Ratings of the list's rubric the reader may see: how many, their mean score, the labels given.
  ratingCount: number;
  meanScore: number | null;
  labels: string[];
};

export type SessionListContext = { rubric: ReviewRubric | null; reader: AnnotationReader };

// Unrated sessions sort last in both directions.
const UNRATED = { asc: 1e308, desc: -1e308 } as const;

// The ratings of each session, as `r` (n, mean, labels). For a page in time or
// turns order, a lateral probe per row shown is cheapest; when the ratings
// order or filter the list, one grouped pass over the rubric's ratings is
// (bench:lists, 30k sessions with 3k rated: 160 ms of probes, 35 ms grouped).
// The grouped pass counts and averages only: it then reads the dashboards'
// index alone (annotations_dashboard_idx holds target_id and score, not the
// label); a page's labels are read afterwards for its rows only (issue 12: by
// satisfaction 100 → 60 ms at 30k sessions, all rated).
function ofRubric(ctx: SessionListContext): Prisma.Sql {
  return ctx.rubric ? Prisma.sql`a.name = ${ctx.rubric.name}` : Prisma.sql`FALSE`;
}

const labelsOf = Prisma.sql`coalesce(array_agg(a.label ORDER BY a.label) FILTER (WHERE a.label IS NOT NULL), '{}')`;

function groupedRatings(projectId: number, ctx: SessionListContext): Prisma.Sql {
  return Prisma.sql`LEFT JOIN (
      SELECT a.target_id, count(*)::int AS n, avg(a.score)::float8 AS mean
      FROM annotations a
      WHERE a.project_id = ${projectId} AND a.target_type = 'SESSION' AND ${ofRubric(ctx)} AND ${visibleAnnotation(Prisma.sql`a`, ctx.reader)}
      GROUP BY a.target_id
    ) r ON r.target_id = s.id`;
}

/** The ratings of `sessionId` (an SQL expression) the reader may see: n, mean and labels (lateral, per row). */
function ratingsOf(sessionId: Prisma.Sql, ctx: SessionListContext, withCounts: boolean): Prisma.Sql {
  const counts = withCounts ? Prisma.sql`count(*)::int AS n, avg(a.score)::float8 AS mean, ` : Prisma.empty;
  return Prisma.sql`LEFT JOIN LATERAL (
    SELECT ${counts}${labelsOf} AS labels
    FROM annotations a
    WHERE a.target_type = 'SESSION' AND a.target_id = ${sessionId} AND ${ofRubric(ctx)} AND ${visibleAnnotation(Prisma.sql`a`, ctx.reader)}
  )`;
}

// "Rated", "unrated" and a label need no counts: an (anti-)join on the rubric's
// ratings the reader may see, which Postgres runs as one hashed pass (or stops early).
function ratingExists(projectId: number, ctx: SessionListContext, extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM annotations a
    WHERE a.project_id = ${projectId} AND a.target_type = 'SESSION' AND a.target_id = s.id AND ${ofRubric(ctx)}
      AND ${visibleAnnotation(Prisma.sql`a`, ctx.reader)} ${extra})`;
}

function sortExpression(filters: SessionFilters, ratings: Prisma.Sql = Prisma.sql`r`): Prisma.Sql {
  if (filters.sort === "turns") return Prisma.sql`s.trace_count`;
  if (filters.sort === "satisfaction") return Prisma.sql`coalesce(${ratings}.mean, ${UNRATED[filters.dir]}::float8)`;
  return Prisma.sql`s.start_time`;
}

/** The WHERE conditions; `usesRatings` tells whether they read the grouped ratings `r` (counts and means). */
function sessionConditions(projectId: number, filters: SessionFilters, ctx: SessionListContext) {
  const conditions = [Prisma.sql`s.project_id = ${projectId}`];
  const { from, to } = timeWindow(filters);
  if (from) conditions.push(Prisma.sql`s.start_time >= ${from}`);
  if (to) conditions.push(Prisma.sql`s.start_time <= ${to}`);
  if (filters.turnsMin !== undefined) conditions.push(Prisma.sql`s.trace_count >= ${filters.turnsMin}`);
  if (filters.turnsMax !== undefined) conditions.push(Prisma.sql`s.trace_count <= ${filters.turnsMax}`);
  if (filters.q) {
    const matches = [Prisma.sql`s.session_id = ${filters.q}`, Prisma.sql`s.user_id = ${filters.q}`];
    const text = traceTextCondition(Prisma.sql`t`, filters.q);
    if (text) matches.push(Prisma.sql`s.id IN (SELECT t.session_row_id FROM traces t WHERE t.project_id = ${projectId} AND ${text})`);
    conditions.push(Prisma.sql`(${Prisma.join(matches, " OR ")})`);
  }
  let usesRatings = filters.sort === "satisfaction";
  if (ctx.rubric) {
    if (filters.rated === "rated") conditions.push(ratingExists(projectId, ctx));
    if (filters.rated === "unrated") conditions.push(Prisma.sql`NOT ${ratingExists(projectId, ctx)}`);
    if (filters.label) conditions.push(ratingExists(projectId, ctx, Prisma.sql`AND a.label = ${filters.label}`));
    // The grouped join leaves unrated sessions' r.* NULL (no mean: no match).
    if (filters.scoreMin !== undefined) conditions.push(Prisma.sql`r.mean >= ${filters.scoreMin}`);
    if (filters.scoreMax !== undefined) conditions.push(Prisma.sql`r.mean <= ${filters.scoreMax}`);
    usesRatings ||= filters.scoreMin !== undefined || filters.scoreMax !== undefined;
  }
  return { conditions, usesRatings };
}

const columns = Prisma.sql`s.id, s.session_id AS "sessionId", s.start_time AS "startTime", s.end_time AS "endTime",
  s.trace_count AS "traceCount", s.first_input AS "firstInput", s.user_id AS "userId"`;

export async function listSessions(projectId: number, filters: SessionFilters, ctx: SessionListContext): Promise<Page<SessionListRow>> {
  const { conditions, usesRatings } = sessionConditions(projectId, filters, ctx);
  const sort = sortExpression(filters);
  const cursor = decodeCursor(filters.cursor);
  if (cursor) {
    const value = filters.sort === "time" ? Prisma.sql`${new Date(cursor.value)}::timestamptz` : Prisma.sql`${Number(cursor.value)}`;
    conditions.push(filters.dir === "desc" ? Prisma.sql`(${sort}, s.id) < (${value}, ${cursor.id})` : Prisma.sql`(${sort}, s.id) > (${value}, ${cursor.id})`);
  }
  const direction = filters.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const where = Prisma.join(conditions, " AND ");
  const rows = usesRatings
    // The page's ids, counts and means from the grouped pass (the sessions' own
    // columns only as far as the filters need them), then the rows and labels of those ids.
    ? await prisma.$queryRaw<SessionListRow[]>`
        SELECT ${columns}, p.n AS "ratingCount", p.mean AS "meanScore", l.labels
        FROM (
          SELECT s.id, coalesce(r.n, 0) AS n, r.mean
          FROM sessions s ${groupedRatings(projectId, ctx)}
          WHERE ${where}
          ORDER BY ${sort} ${direction}, s.id ${direction}
          LIMIT ${filters.limit + 1}
        ) p
        JOIN sessions s ON s.id = p.id
        ${ratingsOf(Prisma.sql`p.id`, ctx, false)} l ON TRUE
        ORDER BY ${sortExpression(filters, Prisma.sql`p`)} ${direction}, s.id ${direction}`
    : await prisma.$queryRaw<SessionListRow[]>`
        SELECT ${columns}, coalesce(r.n, 0) AS "ratingCount", r.mean AS "meanScore", coalesce(r.labels, '{}') AS labels
        FROM sessions s ${ratingsOf(Prisma.sql`s.id`, ctx, true)} r ON TRUE
        WHERE ${where}
        ORDER BY ${sort} ${direction}, s.id ${direction}
        LIMIT ${filters.limit + 1}`;
  return toPage(rows, filters.limit, (row) => ({ value: sortValue(row, filters), id: row.id }));
}

function sortValue(row: SessionListRow, filters: SessionFilters): string | number {
  if (filters.sort === "turns") return row.traceCount;
  if (filters.sort === "satisfaction") return row.meanScore ?? UNRATED[filters.dir];
  return row.startTime.toISOString();
}

/** How many sessions match (up to the cap), counting only what the filters need. */
export async function countSessions(projectId: number, filters: SessionFilters, ctx: SessionListContext): Promise<CappedCount> {
  const { conditions, usesRatings } = sessionConditions(projectId, { ...filters, sort: "time" }, ctx);
  return countCapped(Prisma.sql`FROM sessions s ${usesRatings ? groupedRatings(projectId, ctx) : Prisma.empty} WHERE ${Prisma.join(conditions, " AND ")}`);
}

/** Row ids of the filtered list in its order, up to `max` (review mode freezes them). */
export async function listSessionIds(projectId: number, filters: SessionFilters, ctx: SessionListContext, max: number): Promise<number[]> {
  const { conditions, usesRatings } = sessionConditions(projectId, filters, ctx);
  const direction = filters.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const sort = sortExpression(filters);
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT s.id FROM sessions s ${usesRatings ? groupedRatings(projectId, ctx) : Prisma.empty}
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${sort} ${direction}, s.id ${direction}
    LIMIT ${max}`;
  return rows.map((row) => row.id);
}

/** Every id of a filtered list, as one SELECT to embed (a queue's INSERT … SELECT), no limit. */
export function sessionIdsSql(projectId: number, filters: SessionFilters, ctx: SessionListContext): Prisma.Sql {
  const { conditions, usesRatings } = sessionConditions(projectId, { ...filters, sort: "time" }, ctx);
  return Prisma.sql`SELECT s.id FROM sessions s ${usesRatings ? groupedRatings(projectId, ctx) : Prisma.empty}
    WHERE ${Prisma.join(conditions, " AND ")}`;
}
