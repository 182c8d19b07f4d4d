import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { Suspense } from "react";
import { SuggestedGroups } from "@/components/themes/suggested-groups";
import { ThresholdForm } from "@/components/themes/threshold-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { findProjectByName, type ProjectRef } from "@/lib/projects/projects";
import type { RawSearchParams } from "@/lib/search-params";
import { parseNoteFilters, type NoteFilters } from "@/lib/themes/note-filters";
import { DEFAULT_THRESHOLD, parseThreshold } from "@/lib/themes/suggest/threshold";
import { llmConfigured } from "@/lib/themes/suggest/llm-naming";
import { suggestGroups } from "@/lib/themes/suggest/suggest-groups";
import { listThemes } from "@/lib/themes/themes";
import { flatParams, paths } from "@/lib/url";

export const metadata: Metadata = { title: "Suggest groups" };

// Note filters that narrow what is grouped (the notes page's URL state, minus paging).
const filterKeys = ["q", "reviewer", "target", "spanKind", "range", "from", "to", "theme", "untagged", "rubric", "label"] as const;

export default async function SuggestGroupsPage({ params, searchParams }: { params: Promise<{ projectName: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  if (!can(actor, "manage-themes")) forbidden();
  const [{ projectName }, rawParams] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const flat = flatParams(rawParams);
  const hidden = Object.fromEntries(filterKeys.flatMap((key) => (flat[key] ? [[key, flat[key]]] : []))) as Record<string, string>;
  const filtered = Object.keys(hidden).length > 0;
  // With no filter, the untagged notes are grouped (the issue's default).
  const filters = parseNoteFilters(filtered ? hidden : { untagged: "1" });
  const threshold = parseThreshold(flat.threshold) ?? DEFAULT_THRESHOLD;
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
      <ThresholdForm threshold={threshold} hidden={hidden} />
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
  const [groups, themes] = await Promise.all([suggestGroups(actor, project.id, filters, { threshold }), listThemes(actor, project.id)]);
  return (
    <SuggestedGroups
      projectId={project.id}
      groups={groups}
      themes={themes.map(({ id, name }) => ({ id, name }))}
      llm={llmConfigured()}
    />
  );
}
