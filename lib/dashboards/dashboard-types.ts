import type { AnnotatorKind, RubricType } from "@/lib/generated/prisma/enums";

/**
 * What each dashboard section returns. The same object is rendered as charts,
 * as a table, and served as JSON (CSV: the section's `rows`) at
 * paths.dashboardData(project, section). All figures are computed in SQL.
 * Values are read through blind review (annotationReader) and the filters
 * (date range on the target's start time, reviewer, annotator kind).
 */
export const dashboardSections = ["satisfaction", "rubric", "coverage", "progress", "agreement"] as const;
export type DashboardSection = (typeof dashboardSections)[number];

export type RubricSummary = {
  name: string;
  type: RubricType;
  /** Categorical: the rubric's labels in its own order. */
  labels: string[];
  lowerBound: number | null;
  upperBound: number | null;
};

/** One time bucket (start of day/week, ISO date `YYYY-MM-DD`, UTC) for one annotator kind. */
export type TrendPoint = {
  bucket: string;
  annotatorKind: AnnotatorKind;
  /** Annotations in the bucket. */
  count: number;
  /** Continuous (or labels with scores): mean score and its 95% interval (t-based; null when count < 2). */
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Categorical: count per label. */
  labels: Record<string, number>;
};

/** A histogram bin (continuous) or one label (categorical), per annotator kind. */
export type DistributionBar = {
  annotatorKind: AnnotatorKind;
  /** Label, or the bin as "lo–hi" text for scores. */
  key: string;
  /** Bin lower edge (continuous), null for labels. */
  binStart: number | null;
  count: number;
};

export type LowRatedSession = {
  sessionId: string;
  startTime: string;
  firstInput: string | null;
  /** Mean human score (or the LLM's when only it rated), and how many ratings. */
  meanScore: number | null;
  /** Most frequent label (categorical session rubrics). */
  label: string | null;
  ratings: number;
};

export type SatisfactionDashboard = {
  rubric: RubricSummary | null;
  /** Session rubrics the chooser offers. */
  choices: string[];
  overTime: TrendPoint[];
  distribution: DistributionBar[];
  /** Sessions in range, and how many have at least one human / LLM value of the rubric. */
  sessions: number;
  ratedByHuman: number;
  ratedByLlm: number;
  lowest: LowRatedSession[];
};

export type BreakdownRow = {
  /** Span kind or root span name. */
  key: string;
  count: number;
  mean: number | null;
  labels: Record<string, number>;
};

export type RubricDashboard = {
  rubric: RubricSummary | null;
  /** Rubrics of the project the chooser offers. */
  choices: string[];
  distribution: DistributionBar[];
  overTime: TrendPoint[];
  bySpanKind: BreakdownRow[];
  byRootSpanName: BreakdownRow[];
};

export type CoverageRow = {
  targetKind: "TRACE" | "SPAN" | "SESSION";
  total: number;
  /** Targets with at least one human annotation (any rubric, notes excluded). */
  annotated: number;
};

export type CoverageDashboard = { rows: CoverageRow[] };

export type ProgressPoint = { bucket: string; userId: string | null; reviewer: string; count: number };
export type ProgressDashboard = { rows: ProgressPoint[] };

/** An annotator is a (user, identifier) pair: an LLM judge with its own identifier counts as one. */
export type Annotator = { key: string; label: string; annotatorKind: AnnotatorKind; userId: string | null; identifier: string };

export type PairAgreement = {
  a: string;
  b: string;
  /** Items both annotated. */
  items: number;
  /** Cohen's kappa (categorical: nominal; continuous: quadratic-weighted on the scores); null below 2 items, with `reason`. */
  kappa: number | null;
  observedAgreement: number | null;
  reason: string | null;
};

export type DisagreementItem = {
  targetType: string;
  /** Public id for links: trace id, span id or session id (document: span id + position). */
  targetId: string;
  traceId: string | null;
  documentPosition: number;
  values: { annotator: string; label: string | null; score: number | null }[];
};

export type AgreementDashboard = {
  rubric: RubricSummary | null;
  choices: string[];
  annotators: Annotator[];
  pairs: PairAgreement[];
  /** Krippendorff's alpha over all annotators with missing values: nominal for categorical, interval for continuous. */
  alpha: number | null;
  alphaLevel: "nominal" | "interval" | null;
  /** Items with ≥ 2 values (pairable), and values in them. */
  alphaItems: number;
  alphaValues: number;
  reason: string | null;
  /** Up to 20 items where values differ, the widest spread (or most labels) first. */
  disagreements: DisagreementItem[];
  /** Items where values differ, all of them (the list shows the first 20). */
  disagreementTotal: number;
  /** Continuous: the score spread above which an item is a disagreement (lib/agreement); categorical: null (any two labels). */
  disagreementThreshold: number | null;
};
