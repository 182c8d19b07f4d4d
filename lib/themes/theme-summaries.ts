import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ThemeEventKind } from "@/lib/generated/prisma/enums";
import type { ThemeSummary } from "./theme-types";

// The themes list's numbers, all in one statement (no query per theme):
// a theme's traces are those its notes are on (span and trace notes) plus every
// trace of a session one of its session notes is on; its share is over the
// project's reviewed traces, those with a human annotation or a note on the
// trace, its spans or its session (so a theme's traces are always among them).
export async function themeSummaries(projectId: number, themeIds?: number[]): Promise<ThemeSummary[]> {
  const only = themeIds ? Prisma.sql`AND th.id = ANY(${themeIds}::int[])` : Prisma.empty;
  const human = Prisma.sql`(a.annotator_kind = 'HUMAN' OR a.name = 'note')`;
  return prisma.$queryRaw<ThemeSummary[]>`
    WITH reviewed AS (
      SELECT count(*)::int AS n FROM traces t
      WHERE t.project_id = ${projectId}
        AND (t.id IN (SELECT a.trace_row_id FROM annotations a WHERE a.project_id = ${projectId} AND ${human})
          OR t.session_row_id IN (SELECT a.session_row_id FROM annotations a
            WHERE a.project_id = ${projectId} AND a.target_type = 'SESSION' AND ${human}))
    ), tagged AS (
      SELECT nt.theme_id, n.target_type, n.trace_row_id, n.session_row_id, nt_trace.session_row_id AS trace_session
      FROM themes th
      JOIN note_themes nt ON nt.theme_id = th.id
      JOIN annotations n ON n.id = nt.annotation_id
      LEFT JOIN traces nt_trace ON nt_trace.id = n.trace_row_id
      WHERE th.project_id = ${projectId} ${only}
    ), theme_traces AS (
      SELECT theme_id, trace_row_id AS trace FROM tagged WHERE trace_row_id IS NOT NULL
      UNION
      SELECT g.theme_id, t.id FROM tagged g JOIN traces t ON t.session_row_id = g.session_row_id WHERE g.target_type = 'SESSION'
    ), note_counts AS (
      SELECT theme_id, count(*)::int AS notes, count(DISTINCT coalesce(session_row_id, trace_session))::int AS sessions
      FROM tagged GROUP BY theme_id
    ), trace_counts AS (
      SELECT theme_id, count(*)::int AS traces FROM theme_traces GROUP BY theme_id
    )
    SELECT th.id, th.name, th.description, th.created_at AS "createdAt", th.updated_at AS "updatedAt",
      coalesce(nc.notes, 0) AS "noteCount", coalesce(tc.traces, 0) AS "traceCount", coalesce(nc.sessions, 0) AS "sessionCount",
      CASE WHEN r.n = 0 THEN 0::float8 ELSE least(1, coalesce(tc.traces, 0)::float8 / r.n) END AS "reviewedTraceShare",
      coalesce((SELECT json_agg(json_build_object('id', ru.id, 'name', ru.name) ORDER BY ru.name)
        FROM rubric_themes rt JOIN rubrics ru ON ru.id = rt.rubric_id WHERE rt.theme_id = th.id), '[]'::json) AS rubrics
    FROM themes th
    CROSS JOIN reviewed r
    LEFT JOIN note_counts nc ON nc.theme_id = th.id
    LEFT JOIN trace_counts tc ON tc.theme_id = th.id
    WHERE th.project_id = ${projectId} ${only}
    ORDER BY lower(th.name), th.id`;
}

export type ThemeEventView = {
  id: number;
  kind: ThemeEventKind;
  // What changed: { name, description }, { before, after }, { noteIds }, { mergedIntoId }, { rubricIds }…
  details: Record<string, unknown>;
  at: Date;
  actorName: string | null;
};

/** A theme's history, newest first (kept after the theme is deleted). */
export async function themeEventsOf(themeId: number): Promise<ThemeEventView[]> {
  const events = await prisma.themeEvent.findMany({
    where: { themeId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, details: true, at: true, actor: { select: { name: true } } },
  });
  return events.map((event) => ({
    id: Number(event.id),
    kind: event.kind,
    details: (event.details ?? {}) as Record<string, unknown>,
    at: event.at,
    actorName: event.actor?.name ?? null,
  }));
}

export type RubricThemeLink = { id: number; name: string; label: string | null; projectId: number; projectName: string };

/** The themes a rubric was promoted from (the rubric editor's "From themes" links). */
export async function themesOfRubric(rubricId: number): Promise<RubricThemeLink[]> {
  const links = await prisma.rubricTheme.findMany({
    where: { rubricId },
    select: { label: true, theme: { select: { id: true, name: true, projectId: true, project: { select: { name: true } } } } },
    orderBy: { theme: { name: "asc" } },
  });
  return links.map(({ label, theme }) => ({ id: theme.id, name: theme.name, label, projectId: theme.projectId, projectName: theme.project.name }));
}
