import type { AnnotationTarget, RubricType } from "@/lib/generated/prisma/enums";

// The shapes the adjudication page reads. lib/adjudication/* returns them;
// pages never query the tables themselves.

/** The identifier of a lead's final value: one per (target, rubric), overwritten with history. */
export const ADJUDICATED_IDENTIFIER = "adjudicated";

/** One human value on a target, as a reviewer gave it. */
export type ReviewerValue = {
  annotationId: number;
  userId: string | null;
  // The user's name, or the annotation's identifier when no user wrote it (a system key).
  reviewer: string;
  label: string | null;
  score: number | null;
  explanation: string | null;
  updatedAt: Date;
};

export type AdjudicatedValue = {
  annotationId: number;
  label: string | null;
  score: number | null;
  // The lead's reason (stored as the annotation's explanation).
  reason: string | null;
  by: string | null;
  updatedAt: Date;
};

export type TargetNote = { id: number; author: string | null; text: string; createdAt: Date };

/** Where the target opens: the trace (with the span to select), or the session. */
export type TargetLink = {
  kind: AnnotationTarget;
  // The external id an annotation write names: trace id, span id or session id.
  externalId: string;
  documentPosition: number | null;
  traceId: string | null;
  spanId: string | null;
  sessionId: string | null;
  // What the target is called: the root span's (or span's) name, the session id.
  title: string;
  // The first words of its input, to tell targets apart.
  preview: string | null;
};

export type Disagreement = {
  // Stable key of the (target, rubric) pair, for React and form ids.
  key: string;
  rubric: { name: string; type: RubricType; values: { label: string; score?: number | null }[]; lowerBound: number | null; upperBound: number | null };
  target: TargetLink;
  values: ReviewerValue[];
  // max − min of the scores (continuous rubrics), else null.
  spread: number | null;
  notes: TargetNote[];
  adjudicated: AdjudicatedValue | null;
};

export type DisagreementPage = { rows: Disagreement[]; total: number; limit: number };

/** What the chooser offers: the project's queues and rubrics, with their open disagreements. */
export type AdjudicationScopes = {
  queues: { id: number; name: string; archived: boolean; rubrics: string[]; open: number }[];
  rubrics: { name: string; type: RubricType; open: number }[];
};
