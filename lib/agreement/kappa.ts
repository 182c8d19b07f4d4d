/**
 * Cohen's kappa for two annotators, from their contingency table: how often
 * they agree beyond what their own value frequencies would give by chance.
 *
 *   κ = (p_o − p_e) / (1 − p_e)
 *
 * p_o: share of items both gave the same value; p_e = Σ_c (row_c / N)(col_c / N),
 * the agreement expected if each annotated independently with their own
 * frequencies (Cohen 1960).
 *
 * Quadratic-weighted kappa (Cohen 1968; Fleiss & Cohen 1973) for numeric values
 * (continuous rubrics: each distinct score a category), disagreement weighted by
 * the squared distance of the two scores:
 *
 *   κ_w = 1 − Σ_ij O_ij (x_i − x_j)² / Σ_ij E_ij (x_i − x_j)²,  E_ij = row_i col_j / N
 *
 * The usual normalisation of the weights by (max − min)² cancels in the ratio,
 * so the scores' own distances are used (a 1-point gap on 1–5 weighs 1, not 1/16).
 *
 * Results never hold NaN:
 * - fewer than 2 items both annotated: kappa and observed agreement null, with a reason;
 * - no variation (p_e = 1: both gave every item one and the same value; weighted:
 *   Σ E w = 0, the same condition): kappa is 0/0, undefined. The literature leaves
 *   it undefined (Cohen's formula; scikit-learn's cohen_kappa_score gives NaN,
 *   R irr's kappa2 NaN), so kappa is null with reason "no variation", while the
 *   observed agreement (1) is still given. Reporting 1 would claim agreement beyond
 *   chance that such data cannot show.
 */
export type ContingencyCell<V extends string | number = string | number> = { a: V; b: V; count: number };

export type KappaResult = {
  /** Items both annotated (N, the table's total). */
  items: number;
  kappa: number | null;
  /** Share of items with exactly the same value (also for weighted kappa). */
  observedAgreement: number | null;
  /** Chance agreement p_e (nominal), or null when not computed. */
  expectedAgreement: number | null;
  reason: string | null;
};

export const FEWER_THAN_TWO_ITEMS = "fewer than 2 items both annotated";
export const NO_VARIATION = "no variation: both annotators gave every item the same value, so kappa is undefined";

function checkCells(cells: ContingencyCell[]): number {
  let total = 0;
  for (const cell of cells) {
    if (!Number.isFinite(cell.count) || cell.count < 0) throw new RangeError(`Bad contingency count ${cell.count}`);
    total += cell.count;
  }
  return total;
}

const agreementOf = (cells: ContingencyCell[], total: number) =>
  cells.reduce((sum, cell) => sum + (cell.a === cell.b ? cell.count : 0), 0) / total;

/** Cohen's kappa (nominal) from the cells of a contingency table (missing cells count 0; cells may repeat). */
export function cohenKappa(cells: ContingencyCell[]): KappaResult {
  const items = checkCells(cells);
  if (items < 2) return { items, kappa: null, observedAgreement: null, expectedAgreement: null, reason: FEWER_THAN_TWO_ITEMS };
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (const { a, b, count } of cells) {
    if (count === 0) continue;
    rows.set(a, (rows.get(a) ?? 0) + count);
    cols.set(b, (cols.get(b) ?? 0) + count);
  }
  const observed = agreementOf(cells, items);
  let expected = 0;
  for (const [value, row] of rows) expected += (row / items) * ((cols.get(value) ?? 0) / items);
  // p_e is 1 only when one value has every row and every column entry.
  if (rows.size === 1 && cols.size === 1 && rows.keys().next().value === cols.keys().next().value) {
    return { items, kappa: null, observedAgreement: observed, expectedAgreement: 1, reason: NO_VARIATION };
  }
  return { items, kappa: (observed - expected) / (1 - expected), observedAgreement: observed, expectedAgreement: expected, reason: null };
}

/** Quadratic-weighted kappa for numeric values (scores as ordered categories). */
export function quadraticWeightedKappa(cells: ContingencyCell<number>[]): KappaResult {
  const items = checkCells(cells);
  if (items < 2) return { items, kappa: null, observedAgreement: null, expectedAgreement: null, reason: FEWER_THAN_TWO_ITEMS };
  // Σ_ij E_ij (x_i − x_j)² with E_ij = r_i c_j / N expands to
  // Σ_i r_i x_i² + Σ_j c_j x_j² − 2 (Σ_i r_i x_i)(Σ_j c_j x_j) / N: the marginal sums suffice.
  let observedDisagreement = 0;
  let sumA = 0, sumB = 0, sumA2 = 0, sumB2 = 0;
  for (const { a, b, count } of cells) {
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError("Weighted kappa needs finite numbers");
    observedDisagreement += count * (a - b) ** 2;
    sumA += count * a;
    sumB += count * b;
    sumA2 += count * a * a;
    sumB2 += count * b * b;
  }
  // Centred form of the expansion above, less cancellation with large scores.
  const meanA = sumA / items, meanB = sumB / items;
  const expectedDisagreement = (sumA2 - items * meanA ** 2) + (sumB2 - items * meanB ** 2) + items * (meanA - meanB) ** 2;
  const observed = agreementOf(cells, items);
  if (!(expectedDisagreement > 1e-12 * Math.max(1, sumA2 + sumB2))) {
    return { items, kappa: null, observedAgreement: observed, expectedAgreement: null, reason: NO_VARIATION };
  }
  return { items, kappa: 1 - observedDisagreement / expectedDisagreement, observedAgreement: observed, expectedAgreement: null, reason: null };
}
