import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { loadNoteTexts } from "@/lib/themes/list-notes";
import type { NoteFilters } from "@/lib/themes/note-filters";
import { parseInput } from "@/lib/themes/theme-schemas";
import type { SuggestedGroup, SuggestedGroups } from "@/lib/themes/theme-types";
import { clusterNotesInWorker } from "./cluster-in-worker";
import { DEFAULT_THRESHOLD } from "./cluster-options";
import { thresholdSchema } from "./suggest-schemas";

// "Suggest groups" over the notes page's filter (or, with none, the untagged
// notes): clustered on a worker thread, never stored; groups the lead dismissed
// before stay hidden.

// At most this many notes (the newest) are clustered: 5,000 take ~1–3 s and a 50 MB matrix.
export const SUGGEST_MAX_NOTES = 5_000;
// A suggested group is hidden when at least this share of its notes were in one dismissed group.
const DISMISSED_SHARE = 0.5;

const filterKeys = ["q", "reviewer", "target", "spanKind", "range", "from", "to", "theme", "untagged", "rubric", "label"] as const;

/** True when the notes page shows some narrowing of the notes (search or any filter). */
export function hasNoteFilter(filters: NoteFilters): boolean {
  return filterKeys.some((key) => filters[key] !== undefined && filters[key] !== false && filters[key] !== "");
}

export async function suggestGroups(
  actor: Actor | null,
  projectId: number,
  filters: NoteFilters,
  { threshold = DEFAULT_THRESHOLD, maxNotes = SUGGEST_MAX_NOTES }: { threshold?: number; maxNotes?: number } = {},
): Promise<SuggestedGroups> {
  authorize(actor, "manage-themes");
  const cut = parseInput(thresholdSchema, { threshold }).threshold;
  const untaggedOnly = !hasNoteFilter(filters);
  const scope: NoteFilters = untaggedOnly ? { ...filters, untagged: true } : filters;
  // One more than the cap tells whether there were more.
  const loaded = await loadNoteTexts(actor, projectId, { ...scope, cursor: undefined }, maxNotes + 1);
  const notes = loaded.slice(0, maxNotes);
  const [found, dismissed] = await Promise.all([clusterNotesInWorker(notes, cut), dismissedGroups(projectId)]);
  const groups = found.filter((group) => !wasDismissed(group, dismissed));
  return {
    groups,
    noteCount: notes.length,
    untaggedOnly,
    capped: loaded.length > maxNotes,
    dismissedCount: found.length - groups.length,
    threshold: cut,
  };
}

async function dismissedGroups(projectId: number): Promise<Set<number>[]> {
  const rows = await prisma.dismissedNoteGroup.findMany({ where: { projectId }, select: { noteIds: true }, orderBy: { id: "asc" } });
  return rows.map((row) => new Set(row.noteIds));
}

function wasDismissed(group: SuggestedGroup, dismissed: Set<number>[]): boolean {
  return dismissed.some((ids) => group.noteIds.filter((id) => ids.has(id)).length >= DISMISSED_SHARE * group.noteIds.length);
}
