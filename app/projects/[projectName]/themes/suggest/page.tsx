import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { SuggestedGroups } from "@/components/themes/suggested-groups";
import { ThresholdForm } from "@/components/themes/threshold-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { formatNumber } from "@/lib/format";
import { findProjectByName, type ProjectRef } from "@/lib/projects/projects";
import type { RawSearchParams } from "@/lib/search-params";
import { parseNoteFilters, type NoteFilters } from "@/lib/themes/note-filters";
import { DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_GROUP_SIZE, MIN_THRESHOLD } from "@/lib/themes/suggest/cluster-options";
import { llmConfigured } from "@/lib/themes/suggest/name-with-llm";
import { suggestGroups } from "@/lib/themes/suggest/suggest-groups";
import type { SuggestedGroups as SuggestedGroupsResult } from "@/lib/themes/theme-types";
import { listThemeRefs } from "@/lib/themes/themes";
import { flatParams, paths } from "@/lib/url";

export const metadata: Metadata = { title: "Suggest groups" };

// Note filters that narrow what is grouped (the notes page's URL state, minus paging).
const filterKeys = ["q", "reviewer", "target", "spanKind", "range", "from", "to", "theme", "untagged", "rubric", "label"] as const;

// A threshold out of range (or not a number) falls back to the default, as other stale params do.
const thresholdParam = z.coerce.number().min(MIN_THRESHOLD).max(MAX_THRESHOLD);

export default async function SuggestGroupsPage({ params, searchParams }: { params: Promise<{ projectName: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  if (!can(actor, "manage-themes")) forbidden();
  const [{ projectName }, rawParams] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const flat = flatParams(rawParams);
  const hidden = Object.fromEntries(filterKeys.flatMap((key) => (flat[key] ? [[key, flat[key]]] : []))) as Record<string, string>;
  const filtered = Object.keys(hidden).length > 0;
  // With no filter, suggestGroups groups the untagged notes (the issue's default).
  const filters = parseNoteFilters(hidden);
  const threshold = thresholdParam.safeParse(flat.threshold).data ?? DEFAULT_THRESHOLD;
  const notesHref = `${paths.project(project.name)}/notes${filtered ? `?${new URLSearchParams(hidden)}` : "?untagged=1"}`;
  return (
    <div className="mx-auto max-w-5xl space-y-4 px-4 py-4">
      <Link href={paths.themes(project.name)} className="text-xs text-zinc-500 hover:text-zinc-800">
        ← All themes
      </Link>
      <PageHeader
        title="Suggested groups"
        description={
          <>
            Notes that say similar things, grouped offline from the{" "}
            <Link href={notesHref} className="text-indigo-700 underline">
              {filtered ? "filtered notes" : "untagged notes"}
            </Link>
            . Accept a group as a theme, add it to one, or dismiss it.
          </>
        }
      />
      <ThresholdForm threshold={threshold} min={MIN_THRESHOLD} max={MAX_THRESHOLD} hidden={hidden} />
      <Suspense key={`${threshold}:${new URLSearchParams(hidden)}`} fallback={<Grouping />}>
        <Groups actor={actor} project={project} filters={filters} threshold={threshold} />
      </Suspense>
    </div>
  );
}

function Grouping() {
  return (
    <p role="status" aria-live="polite" className="rounded-lg border border-zinc-200 bg-white px-6 py-8 text-center text-sm text-zinc-500">
      Grouping notes…
    </p>
  );
}

async function Groups({ actor, project, filters, threshold }: { actor: Actor; project: ProjectRef; filters: NoteFilters; threshold: number }) {
  const [found, themes] = await Promise.all([suggestGroups(actor, project.id, filters, { threshold }), listThemeRefs(actor, project.id)]);
  return (
    <SuggestedGroups
      projectId={project.id}
      summary={summary(found)}
      groups={found.groups}
      themes={themes}
      llm={llmConfigured()}
    />
  );
}

// Over which notes the groups were found, so a short list is not mistaken for the whole project.
function summary({ groups, noteCount, untaggedOnly, capped, dismissedCount }: SuggestedGroupsResult): string {
  const which = untaggedOnly ? "untagged notes" : "filtered notes";
  const over = capped ? `the newest ${formatNumber(noteCount)} ${which} (more matched: narrow the filters to group the rest)` : `${formatNumber(noteCount)} ${which}`;
  const found = groups.length === 1 ? "1 group" : `${groups.length} groups`;
  const hidden = dismissedCount ? `; ${dismissedCount} dismissed before ${dismissedCount === 1 ? "is" : "are"} hidden` : "";
  return `${found} of ${MIN_GROUP_SIZE} or more similar notes in ${over}${hidden}.`;
}
