import type {
  AgreementDashboard,
  BreakdownRow,
  CoverageDashboard,
  DashboardSection,
  DistributionBar,
  ProgressDashboard,
  RubricDashboard,
  RubricSummary,
  SatisfactionDashboard,
  TrendPoint,
} from "./dashboard-types";

/** What each section's loader returns (lib/dashboards/sections.ts). */
export type SectionData = {
  satisfaction: SatisfactionDashboard;
  rubric: RubricDashboard;
  coverage: CoverageDashboard;
  progress: ProgressDashboard;
  agreement: AgreementDashboard;
};

export type Cell = string | number | null;
export type SectionTable = { columns: string[]; rows: Cell[][] };

/**
 * The parts of a section, one per chart or list on the dashboards page: each
 * has its own table (`part=` on the data route). Without a part, a section's
 * table is all its parts stacked, with a `part` column and the union of their columns.
 */
export const sectionParts = {
  satisfaction: ["trend", "distribution", "rated", "lowest"],
  rubric: ["distribution", "trend", "span-kind", "root-span"],
  coverage: ["coverage"],
  progress: ["progress"],
  agreement: ["alpha", "pairs", "disagreements"],
} as const satisfies Record<DashboardSection, readonly string[]>;

export type SectionPart<S extends DashboardSection = DashboardSection> = (typeof sectionParts)[S][number];

export function isSectionPart<S extends DashboardSection>(section: S, part: string): part is SectionPart<S> {
  return (sectionParts[section] as readonly string[]).includes(part);
}

/** The numbers a section (or one part of it) shows, as a table: the page's table view and the CSV. */
export function sectionTable<S extends DashboardSection>(section: S, data: SectionData[S], part?: SectionPart<S>): SectionTable {
  const tables = partTables(section, data);
  if (part) return tables[part as string];
  return stack(Object.entries(tables));
}

function partTables(section: DashboardSection, data: SectionData[DashboardSection]): Record<string, SectionTable> {
  switch (section) {
    case "satisfaction": {
      const d = data as SatisfactionDashboard;
      return { trend: trendTable(d.rubric, d.overTime), distribution: distributionTable(d.distribution), rated: ratedTable(d), lowest: lowestTable(d) };
    }
    case "rubric": {
      const d = data as RubricDashboard;
      return {
        distribution: distributionTable(d.distribution),
        trend: trendTable(d.rubric, d.overTime),
        "span-kind": breakdownTable("span_kind", d.rubric, d.bySpanKind),
        "root-span": breakdownTable("root_span_name", d.rubric, d.byRootSpanName),
      };
    }
    case "coverage":
      return { coverage: coverageTable(data as CoverageDashboard) };
    case "progress":
      return { progress: progressTable(data as ProgressDashboard) };
    case "agreement": {
      const d = data as AgreementDashboard;
      return { alpha: alphaTable(d), pairs: pairsTable(d), disagreements: disagreementsTable(d) };
    }
  }
}

/** Labels in the rubric's order, then any label only the data has (a label since removed from the rubric). */
export function labelsOf(rubric: RubricSummary | null, counts: Record<string, number>[]): string[] {
  const labels = [...(rubric?.labels ?? [])];
  for (const row of counts) for (const label of Object.keys(row)) if (!labels.includes(label)) labels.push(label);
  return labels;
}

const labelColumn = (label: string) => `label:${label}`;
const ratio = (part: number, whole: number): number | null => (whole > 0 ? round(part / whole) : null);
const round = (value: number) => Math.round(value * 1e4) / 1e4;

function trendTable(rubric: RubricSummary | null, points: TrendPoint[]): SectionTable {
  const labels = labelsOf(rubric, points.map((p) => p.labels));
  return {
    columns: ["bucket", "annotator_kind", "count", "mean", "ci_low", "ci_high", ...labels.map(labelColumn)],
    rows: points.map((p) => [p.bucket, p.annotatorKind, p.count, p.mean, p.ciLow, p.ciHigh, ...labels.map((l) => p.labels[l] ?? 0)]),
  };
}

function distributionTable(bars: DistributionBar[]): SectionTable {
  const totals = new Map<string, number>();
  for (const bar of bars) totals.set(bar.annotatorKind, (totals.get(bar.annotatorKind) ?? 0) + bar.count);
  return {
    columns: ["annotator_kind", "key", "bin_start", "count", "share"],
    rows: bars.map((b) => [b.annotatorKind, b.key, b.binStart, b.count, ratio(b.count, totals.get(b.annotatorKind) ?? 0)]),
  };
}

function ratedTable(d: SatisfactionDashboard): SectionTable {
  return {
    columns: ["annotator_kind", "rated", "sessions", "share"],
    rows: [
      ["HUMAN", d.ratedByHuman, d.sessions, ratio(d.ratedByHuman, d.sessions)],
      ["LLM", d.ratedByLlm, d.sessions, ratio(d.ratedByLlm, d.sessions)],
    ],
  };
}

function lowestTable(d: SatisfactionDashboard): SectionTable {
  return {
    columns: ["session_id", "start_time", "mean_score", "label", "ratings", "first_input"],
    rows: d.lowest.map((s) => [s.sessionId, s.startTime, s.meanScore, s.label, s.ratings, s.firstInput]),
  };
}

function breakdownTable(keyColumn: string, rubric: RubricSummary | null, rows: BreakdownRow[]): SectionTable {
  const labels = labelsOf(rubric, rows.map((r) => r.labels));
  return {
    columns: [keyColumn, "count", "mean", ...labels.map(labelColumn)],
    rows: rows.map((r) => [r.key, r.count, r.mean, ...labels.map((l) => r.labels[l] ?? 0)]),
  };
}

function coverageTable(d: CoverageDashboard): SectionTable {
  return {
    columns: ["target_kind", "total", "annotated", "share"],
    rows: d.rows.map((r) => [r.targetKind, r.total, r.annotated, ratio(r.annotated, r.total)]),
  };
}

function progressTable(d: ProgressDashboard): SectionTable {
  return { columns: ["bucket", "reviewer", "user_id", "count"], rows: d.rows.map((r) => [r.bucket, r.reviewer, r.userId, r.count]) };
}

function alphaTable(d: AgreementDashboard): SectionTable {
  return {
    columns: ["rubric", "alpha", "level", "items", "values_compared", "disagreeing_items", "reason"],
    rows: [[d.rubric?.name ?? null, d.alpha, d.alphaLevel, d.alphaItems, d.alphaValues, d.disagreementTotal, d.reason]],
  };
}

function pairsTable(d: AgreementDashboard): SectionTable {
  const label = new Map(d.annotators.map((a) => [a.key, a.label]));
  return {
    columns: ["annotator_a", "annotator_b", "items", "kappa", "observed_agreement", "reason"],
    rows: d.pairs.map((p) => [label.get(p.a) ?? p.a, label.get(p.b) ?? p.b, p.items, p.kappa, p.observedAgreement, p.reason]),
  };
}

function disagreementsTable(d: AgreementDashboard): SectionTable {
  const label = new Map(d.annotators.map((a) => [a.key, a.label]));
  return {
    columns: ["target_type", "target_id", "trace_id", "document_position", "values"],
    rows: d.disagreements.map((item) => [
      item.targetType,
      item.targetId,
      item.traceId,
      item.documentPosition,
      item.values.map((v) => `${label.get(v.annotator) ?? v.annotator}: ${v.label ?? v.score ?? ""}`).join("; "),
    ]),
  };
}

/** Parts stacked into one table: a `part` column, then every part's columns (first seen first). */
function stack(parts: [string, SectionTable][]): SectionTable {
  const columns: string[] = [];
  for (const [, table] of parts) for (const column of table.columns) if (!columns.includes(column)) columns.push(column);
  const rows: Cell[][] = [];
  for (const [part, table] of parts) {
    const at = table.columns.map((column) => columns.indexOf(column));
    for (const row of table.rows) {
      const out: Cell[] = [part, ...columns.map(() => null)];
      row.forEach((cell, i) => (out[at[i] + 1] = cell));
      rows.push(out);
    }
  }
  return { columns: ["part", ...columns], rows };
}
