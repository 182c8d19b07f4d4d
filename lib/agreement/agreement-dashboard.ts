import { prisma } from "@/lib/db";
import type { AnnotatorKind, RubricType } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/auth/permissions";
import type { ProjectRef } from "@/lib/adjudication/disagreements";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import type { AgreementDashboard, Annotator, DisagreementItem, PairAgreement, RubricSummary } from "@/lib/dashboards/dashboard-types";
import { annotationReader } from "@/lib/review/blind-review";
import { categoricalValuesSchema } from "@/lib/review/rubric-values";
import { alphaFromAggregates, type AlphaLevel } from "./alpha";
import { agreementRollupServes, agreementRollupSql, agreementSql, parseAnnotatorKey } from "./agreement-sql";
import { mergeAgreementPatterns } from "./agreement-rollup";
import { cohenKappa, quadraticWeightedKappa, type KappaResult } from "./kappa";

/**
 * Continuous rubrics: a spread (max − min of the scores on an item) above this is
 * a disagreement — a quarter of the rubric's range (1 point on a 1–5 scale, 2.5 on
 * 0–10), or 1 point when the rubric has no bounds. Categorical: any two labels.
 */
export function disagreementThreshold(rubric: Pick<RubricSummary, "lowerBound" | "upperBound">): number {
  const { lowerBound: low, upperBound: high } = rubric;
  return low !== null && high !== null && high > low ? (high - low) / 4 : 1;
}

type RubricRow = { name: string; type: RubricType; values: unknown; lowerBound: number | null; upperBound: number | null; archived: boolean };
type AnnotatorRow = { key: string; name: string | null; email: string | null };
type CellRow = { a: string; b: string; aValue: string | number; bValue: string | number; count: number };
type DisagreementRow = { targetType: string; targetId: string; traceId: string | null; documentPosition: number; who: string[]; vals: (string | number)[] };
type Raw = {
  annotators: AnnotatorRow[] | null;
  cells: CellRow[] | null;
  units: number;
  values: number;
  within: number | null;
  total: number | null;
  disagreements: DisagreementRow[] | null;
  disagreementTotal: number;
};

const annotatorKey = (userId: string | null, identifier: string) => `${identifier}|${userId ?? ""}`;

/**
 * Reviewer agreement on one rubric (filters.rubric, default the project's first
 * categorical or continuous rubric by name): Cohen's kappa for each pair of
 * annotators (nominal on labels for categorical rubrics, quadratic-weighted on
 * scores for continuous ones) and Krippendorff's alpha over all of them with
 * missing values (nominal / interval), plus the items they disagree on most.
 *
 * - An annotator is a (user, identifier) pair: people (identifier px-app:<user>,
 *   or their own over the API) and LLM judges (no user, their own identifier).
 *   The lead's `adjudicated` value and notes are left out. Categorical: rows with
 *   a label; continuous: rows with a score.
 * - An item is (target type, target id, document position).
 * - Filters: from/to on the target's start time (trace, span or session);
 *   `kind`: only annotators of that kind (e.g. HUMAN: agreement among people);
 *   `reviewer`: agreement *of that user* — only the items they rated, and only the
 *   pairs they are in (alpha then covers everyone's values on their items).
 * - Blind review: only the values the reader may see (visibleAnnotation).
 *
 * One SQL statement (lib/agreement/agreement-sql.ts): the pairwise contingency
 * counts (annotator a, annotator b, value a, value b), the alpha aggregates
 * (lib/agreement/alpha.ts: per unit m_u and Σ n_uc² or var_samp) and the
 * disagreements; kappa and alpha are finished in Node from those counts. A
 * reader who sees every value, with no filter but the rubric, is answered from
 * the rollup (agreement_pattern_counts, agreement_items) instead of the
 * rubric's annotations: the same counts from a few hundred pattern rows.
 */
export async function agreementDashboard(actor: Actor | null, project: ProjectRef, filters: DashboardFilters): Promise<AgreementDashboard> {
  authorize(actor, "read");
  const rubrics = await prisma.$queryRaw<RubricRow[]>`
    SELECT r.name, r.type, r.values, r.lower_bound AS "lowerBound", r.upper_bound AS "upperBound", r.archived_at IS NOT NULL AS archived
    FROM project_rubrics pr JOIN rubrics r ON r.id = pr.rubric_id
    WHERE pr.project_id = ${project.id} AND r.type IN ('CATEGORICAL', 'CONTINUOUS')
    ORDER BY r.name`;
  const choices = rubrics.filter((r) => !r.archived).map((r) => r.name);
  const chosen = filters.rubric !== undefined ? rubrics.find((r) => r.name === filters.rubric) : rubrics.find((r) => !r.archived);
  const empty = (reason: string, rubric: RubricSummary | null = null): AgreementDashboard => ({
    rubric, choices, annotators: [], pairs: [], alpha: null, alphaLevel: null, alphaItems: 0, alphaValues: 0,
    reason, disagreements: [], disagreementTotal: 0, disagreementThreshold: null,
  });
  if (!chosen) {
    return empty(filters.rubric !== undefined
      ? `${filters.rubric} is not a categorical or continuous rubric of this project.`
      : "This project has no categorical or continuous rubric.");
  }
  const rubric = summaryOf(chosen);
  const categorical = rubric.type === "CATEGORICAL";
  const level: AlphaLevel = categorical ? "nominal" : "interval";
  const threshold = categorical ? null : disagreementThreshold(rubric);
  const raw = await agreementCounts(actor, project, filters, rubric.name, categorical, threshold ?? 0);

  // SQL keys (identifier|user|kind) → annotators (identifier|user: one (user, identifier) pair is one
  // annotator even if it wrote with two kinds).
  const { annotators, bySqlKey } = labelled(raw.annotators ?? []);
  const keyOf = (sqlKey: string) => bySqlKey.get(sqlKey)?.key ?? sqlKey;
  const labelOf = (sqlKey: string) => bySqlKey.get(sqlKey)?.label ?? parseAnnotatorKey(sqlKey).identifier;

  // Every pair of annotators (in the reviewer's pairs only, with that filter), with its contingency cells.
  // The SQL orients a pair by its identifiers in the database's collation; kappa is symmetric
  // (a transposed table gives the same value), so cells are looked up by the unordered pair.
  const pairKey = (x: string, y: string) => (x < y ? `${x}\n${y}` : `${y}\n${x}`);
  const cells = new Map<string, CellRow[]>();
  for (const cell of raw.cells ?? []) {
    const key = pairKey(keyOf(cell.a), keyOf(cell.b));
    cells.set(key, [...(cells.get(key) ?? []), cell]);
  }
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const [a, b] = [annotators[i], annotators[j]];
      if (filters.reviewer && a.userId !== filters.reviewer && b.userId !== filters.reviewer) continue;
      const table = cells.get(pairKey(a.key, b.key)) ?? [];
      const result: KappaResult = categorical
        ? cohenKappa(table.map((c) => ({ a: String(c.aValue), b: String(c.bValue), count: c.count })))
        : quadraticWeightedKappa(table.map((c) => ({ a: Number(c.aValue), b: Number(c.bValue), count: c.count })));
      pairs.push({ a: a.label, b: b.label, items: result.items, kappa: result.kappa, observedAgreement: result.observedAgreement, reason: result.reason });
    }
  }
  pairs.sort((x, y) => y.items - x.items || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));

  const alpha = alphaFromAggregates(level, { units: raw.units, values: raw.values, within: raw.within ?? 0, total: raw.total ?? 0 });
  const disagreements: DisagreementItem[] = (raw.disagreements ?? []).map((d) => ({
    targetType: d.targetType,
    targetId: d.targetId,
    traceId: d.traceId,
    documentPosition: d.documentPosition,
    // By value, then annotator: the people who agree stand together.
    values: d.who
      .map((who, n) => ({
        annotator: labelOf(who),
        label: categorical ? String(d.vals[n]) : null,
        score: categorical ? null : Number(d.vals[n]),
      }))
      .sort((x, y) => (categorical ? x.label!.localeCompare(y.label!) : x.score! - y.score!) || x.annotator.localeCompare(y.annotator)),
  }));
  return {
    rubric,
    choices,
    annotators,
    pairs,
    alpha: alpha.alpha,
    alphaLevel: level,
    alphaItems: alpha.units,
    alphaValues: alpha.values,
    reason: annotators.length < 2 ? "fewer than 2 annotators gave values" : alpha.reason,
    disagreements,
    disagreementTotal: raw.disagreementTotal,
    disagreementThreshold: threshold,
  };
}

function summaryOf(row: RubricRow): RubricSummary {
  const values = categoricalValuesSchema.safeParse(row.values);
  return {
    name: row.name,
    type: row.type,
    labels: row.type === "CATEGORICAL" && values.success ? values.data.map((v) => v.label) : [],
    lowerBound: row.lowerBound,
    upperBound: row.upperBound,
  };
}

/** Annotators labelled by the user's name (or email), else the identifier; a label two share gets the identifier added. */
function labelled(rows: AnnotatorRow[]): { annotators: Annotator[]; bySqlKey: Map<string, Annotator> } {
  const byKey = new Map<string, { annotator: Annotator; sqlKeys: string[] }>();
  for (const row of rows) {
    const { identifier, userId, kind } = parseAnnotatorKey(row.key);
    const key = `${identifier}|${userId ?? ""}`;
    const known = byKey.get(key);
    if (known) known.sqlKeys.push(row.key);
    else byKey.set(key, {
      annotator: { key, label: row.name || row.email || identifier || "(no identifier)", annotatorKind: kind as AnnotatorKind, userId, identifier },
      sqlKeys: [row.key],
    });
  }
  const annotators = [...byKey.values()].map((entry) => entry.annotator);
  const seen = new Map<string, number>();
  for (const { label } of annotators) seen.set(label, (seen.get(label) ?? 0) + 1);
  for (const annotator of annotators) {
    if ((seen.get(annotator.label) ?? 0) > 1) annotator.label = `${annotator.label} (${annotator.identifier || "no identifier"})`;
  }
  annotators.sort((a, b) => (a.annotatorKind === b.annotatorKind ? a.label.localeCompare(b.label) : a.annotatorKind.localeCompare(b.annotatorKind)));
  const bySqlKey = new Map([...byKey.values()].flatMap(({ annotator, sqlKeys }) => sqlKeys.map((k) => [k, annotator] as const)));
  return { annotators, bySqlKey };
}

// No JIT: compiling this statement's plan took longer (≈ 0.5 s under load) than running it.
// One statement in a transaction, so the SET LOCALs hold for it alone.
async function agreementCounts(actor: Actor, project: ProjectRef, filters: DashboardFilters, rubricName: string, categorical: boolean, threshold: number): Promise<Raw> {
  const reader = annotationReader(actor, project);
  const rolledUp = agreementRollupServes(reader, filters);
  if (rolledUp) await mergeAgreementPatterns(project.id);
  const sql = rolledUp
    ? agreementRollupSql(project, rubricName, categorical, threshold)
    : agreementSql(project, reader, filters, rubricName, categorical, threshold);
  const [, , [row]] = await prisma.$transaction([
    prisma.$executeRaw`SET LOCAL jit = off`,
    // Grouping 400k values by item sorts ≈ 30 MB: in memory rather than on disk (default 4 MB).
    prisma.$executeRaw`SET LOCAL work_mem = '64MB'`,
    prisma.$queryRaw<Raw[]>(sql),
  ], { timeout: 30_000 }); // Prisma's default of 5 s is short for 1M annotations on a busy server.
  return row;
}
