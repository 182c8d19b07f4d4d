import type { AnnotationTarget, SpanKind } from "@/lib/generated/prisma/enums";

// The shapes the notes and themes pages render; the domain (lib/themes/*) returns them.

export type ThemeRef = { id: number; name: string };

/** One row of the notes page. */
export type NoteListRow = {
  id: number;
  text: string;
  // ts_headline of the text for a search, with matches wrapped in «» (rendered as <mark> by the page, never as HTML).
  headline: string | null;
  author: { id: string | null; name: string | null };
  createdAt: Date;
  targetType: AnnotationTarget;
  // Where the note is: its trace and span (span notes), or its session.
  traceId: string | null;
  traceRootName: string | null;
  spanId: string | null;
  spanName: string | null;
  spanKind: SpanKind | null;
  sessionId: string | null;
  themes: ThemeRef[];
  // Labels reviewers gave on the same target (as the reader may see them under blind review).
  labels: { name: string; label: string | null; score: number | null; userName: string | null }[];
};

/** One row of the themes list. */
export type ThemeSummary = {
  id: number;
  name: string;
  description: string;
  noteCount: number;
  traceCount: number;
  sessionCount: number;
  // The theme's distinct traces over the project's reviewed traces (any human annotation or note), 0..1.
  reviewedTraceShare: number;
  rubrics: { id: number; name: string }[];
  createdAt: Date;
  updatedAt: Date;
};

/** A group "Suggest groups" proposes. Recomputed on demand, never stored. */
export type SuggestedGroup = {
  // Stable for the same notes: the smallest note id of the group and its size.
  key: string;
  // Top TF-IDF terms, most distinctive first; proposedName is built from them.
  topTerms: string[];
  proposedName: string;
  noteIds: number[];
  examples: { id: number; text: string }[];
};

/** What "Suggest groups" found, and over which notes. */
export type SuggestedGroups = {
  groups: SuggestedGroup[];
  // The notes clustered: the filtered notes, or the untagged ones when no filter is set.
  noteCount: number;
  untaggedOnly: boolean;
  // More notes matched than the cap: only the newest `noteCount` were clustered.
  capped: boolean;
  // Groups left out because the lead dismissed (most of) them before.
  dismissedCount: number;
  threshold: number;
};
