import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteThemeButton } from "@/components/themes/delete-theme-button";
import { MergeIntoButton } from "@/components/themes/merge-dialogs";
import { PromoteButton } from "@/components/themes/promote-button";
import { RecentNotes } from "@/components/themes/recent-notes";
import { ThemeDefinition } from "@/components/themes/theme-definition";
import { ThemeHistory } from "@/components/themes/theme-history";
import { MarkdownView } from "@/components/trace/markdown-view";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { findProjectByName } from "@/lib/projects/projects";
import { listNotes } from "@/lib/themes/list-notes";
import { parseNoteFilters } from "@/lib/themes/note-filters";
import { getTheme, listThemes } from "@/lib/themes/themes";
import { paths } from "@/lib/url";

export const metadata: Metadata = { title: "Theme" };

const count = (n: number, noun: string) => `${formatNumber(n)} ${noun}${n === 1 ? "" : "s"}`;

export default async function ThemePage({ params }: { params: Promise<{ projectName: string; themeId: string }> }) {
  const actor = await requirePageActor();
  const { projectName, themeId } = await params;
  const id = Number(themeId);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project || !Number.isInteger(id) || id <= 0) notFound();
  const theme = await getTheme(actor, id).catch((error) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  // A theme id from another project is not found here either.
  if (!theme || theme.projectId !== project.id) notFound();
  const manage = can(actor, "manage-themes");
  const [recent, others] = await Promise.all([
    listNotes(actor, project.id, parseNoteFilters({ theme: String(id), limit: "5" })),
    manage ? listThemes(actor, project.id) : Promise.resolve([]),
  ]);
  const blockedBecause =
    theme.noteCount > 0 ? `It still tags ${count(theme.noteCount, "note")}: untag them or merge it into another theme.`
    : theme.rubrics.length > 0 ? `Rubric ${theme.rubrics[0].name} was promoted from it.`
    : null;

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-4">
      <Link href={paths.themes(project.name)} className="text-xs text-zinc-500 hover:text-zinc-800">
        ← All themes
      </Link>
      <ThemeDefinition theme={theme} manage={manage}>
        <MarkdownView text={theme.description} />
      </ThemeDefinition>
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        {[
          ["Notes", formatNumber(theme.noteCount)],
          ["Traces", formatNumber(theme.traceCount)],
          ["Sessions", formatNumber(theme.sessionCount)],
          ["Of reviewed traces", `${(theme.reviewedTraceShare * 100).toFixed(0)}%`],
        ].map(([term, value]) => (
          <div key={term}>
            <dt className="text-xs text-zinc-500">{term}</dt>
            <dd className="text-base font-semibold tabular-nums text-zinc-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={paths.themeTraces(project.name, theme.id)} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
          Open {count(theme.traceCount, "trace")}
        </Link>
        <Link href={paths.themeNotes(project.name, theme.id)} className="rounded border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
          Read notes
        </Link>
        {manage ? (
          <>
            <PromoteButton projectId={project.id} theme={{ id: theme.id, name: theme.name }} />
            <MergeIntoButton
              projectName={project.name}
              theme={{ id: theme.id, name: theme.name, noteCount: theme.noteCount }}
              others={others.filter((other) => other.id !== theme.id).map(({ id: otherId, name, noteCount }) => ({ id: otherId, name, noteCount }))}
            />
            <DeleteThemeButton projectName={project.name} theme={{ id: theme.id, name: theme.name }} blockedBecause={blockedBecause} />
          </>
        ) : null}
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)_18rem] items-start gap-6">
        <section aria-labelledby="recent-notes" className="space-y-2">
          <h2 id="recent-notes" className="text-sm font-semibold text-zinc-900">
            Recent notes
          </h2>
          <RecentNotes projectName={project.name} notes={recent.rows} />
        </section>
        <section aria-labelledby="theme-rubrics" className="space-y-2">
          <h2 id="theme-rubrics" className="text-sm font-semibold text-zinc-900">
            Rubrics promoted from it
          </h2>
          {theme.rubrics.length === 0 ? (
            <p className="text-sm text-zinc-500">None yet.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {theme.rubrics.map((rubric) => (
                <li key={rubric.id}>
                  {can(actor, "manage-rubrics") ? (
                    <Link href={`/rubrics/${rubric.id}`} className="text-indigo-700 hover:underline">
                      {rubric.name}
                    </Link>
                  ) : (
                    rubric.name
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <ThemeHistory events={theme.events} />
    </div>
  );
}
