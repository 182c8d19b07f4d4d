import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoteFiltersForm } from "@/components/notes/note-filters-form";
import { noteView } from "@/components/notes/note-view";
import { NotesWorkspace } from "@/components/notes/notes-workspace";
import { EmptyState } from "@/components/ui/empty-state";
import { ListCount } from "@/components/ui/list-count";
import { Pager } from "@/components/ui/pager";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { truncate } from "@/lib/format";
import { findProjectByName } from "@/lib/projects/projects";
import { reviewRubricsForProject } from "@/lib/review/project-rubrics";
import type { RawSearchParams } from "@/lib/search-params";
import { countNotes, listNoteAuthors, listNotes, SEARCH_WINDOW } from "@/lib/themes/list-notes";
import { parseNoteFilters } from "@/lib/themes/note-filters";
import { listThemeRefs } from "@/lib/themes/themes";
import { flatParams, paths } from "@/lib/url";

export const metadata: Metadata = { title: "Notes" };

// The URL's filters without the cursor (and empty values), to carry to another page.
function filterQuery(raw: RawSearchParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(flatParams(raw))) if (value && key !== "cursor") search.set(key, value);
  return search.toString();
}

export default async function NotesPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectName: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const actor = await requirePageActor();
  const [{ projectName }, rawParams] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const filters = parseNoteFilters(rawParams);
  const [page, count, authors, themes, rubrics] = await Promise.all([
    listNotes(actor, project.id, filters),
    countNotes(actor, project.id, filters),
    listNoteAuthors(actor, project.id),
    listThemeRefs(actor, project.id),
    reviewRubricsForProject(project.id),
  ]);
  const canManage = can(actor, "manage-themes");
  const base = paths.notes(project.name);
  const themesBase = paths.themes(project.name);
  const query = filterQuery(rawParams);
  const filtered = query !== "" && query !== `limit=${filters.limit}`;
  const filterTheme = themes.find((theme) => theme.id === filters.theme) ?? null;
  return (
    <div className="px-4 py-4">
      {/* Keyed by the URL: its fields are uncontrolled, and "Clear filters" (a client navigation) must reset them. */}
      <NoteFiltersForm
        key={`filters?${query}`}
        filters={filters}
        authors={authors}
        themes={themes}
        rubrics={rubrics.map((r) => ({ name: r.name, labels: r.values.map((v) => v.label) }))}
        clearHref={filtered ? base : null}
      />
      <div className="flex items-center justify-between gap-3 pb-1">
        <span className="flex items-baseline gap-3">
          <ListCount count={count} noun="note" />
          {filters.q && count.capped ? (
            <span className="text-xs text-zinc-500">Best matches among the newest {SEARCH_WINDOW.toLocaleString("en-US")}</span>
          ) : null}
        </span>
        {canManage && page.rows.length > 0 ? (
          <span className="flex items-center gap-4">
            <span className="hidden text-xs text-zinc-400 md:inline">
              <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> move · <kbd className="font-mono">x</kbd> select · shift-click a
              range · <kbd className="font-mono">t</kbd> tag
            </span>
            <Link href={`${themesBase}/suggest${query ? `?${query}` : ""}`} className="text-sm font-medium text-indigo-700 hover:underline">
              Suggest groups from these notes →
            </Link>
          </span>
        ) : null}
      </div>
      <NotesWorkspace
        key={`notes?${query}`}
        projectId={project.id}
        projectName={project.name}
        themesBase={themesBase}
        themes={themes}
        filterTheme={filterTheme}
        canManage={canManage}
        notes={page.rows.map((note) => ({
          id: note.id,
          summary: truncate(note.text, 60),
          themes: note.themes,
          view: noteView(note),
        }))}
        empty={
          filtered ? (
            <EmptyState title={filters.cursor ? "No more notes" : "No notes match"}>
              Try other words or fewer filters, or{" "}
              <Link href={base} className="text-indigo-700 underline">
                clear the filters
              </Link>
              .
            </EmptyState>
          ) : (
            <EmptyState title="No notes yet">
              Reviewers write notes on spans, traces and sessions while they review (press <kbd className="font-mono">n</kbd> in review mode), or
              send them over the API (<code className="font-mono">/v1/span_notes</code>). Every note of the project shows up here, ready to group
              into themes.
            </EmptyState>
          )
        }
      />
      {page.rows.length > 0 ? <Pager basePath={base} params={flatParams(rawParams)} nextCursor={page.nextCursor} shown={page.rows.length} /> : null}
    </div>
  );
}
