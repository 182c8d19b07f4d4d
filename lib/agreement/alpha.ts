/**
 * Krippendorff's alpha with missing values (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"), nominal and interval, from aggregates a
 * SQL query can return, so no annotation row has to reach Node.
 *
 *   α = 1 − D_o / D_e
 *
 * Only pairable units count: a unit (item) with m_u ≥ 2 values. With n = Σ_u m_u
 * the pairable values, the coincidence matrix o_ck = Σ_u (number of ordered pairs
 * (c, k) of values in u) / (m_u − 1), n_c = Σ_k o_ck, and a distance δ²:
 *
 *   D_o = (1/n) Σ_c Σ_k o_ck δ²_ck        D_e = 1/(n(n−1)) Σ_c Σ_k n_c n_k δ²_ck
 *
 * Both sums are over ordered pairs of values, so
 *
 *   α = 1 − (n − 1) · W / T,   W = Σ_u P_u / (m_u − 1),   T = Σ over ordered pairs of
 *                                                            all n values of δ²
 *
 * where P_u is the sum of δ² over ordered pairs of values within unit u.
 *
 * Nominal (δ² = 1 when c ≠ k): with n_uc the values c in unit u,
 *   P_u = m_u² − Σ_c n_uc²        T = n² − Σ_c n_c²
 * so SQL needs, per unit, m_u and Σ_c n_uc² (from a GROUP BY unit, value), and per
 * value its total n_c over pairable units.
 *
 * Interval (δ² = (c − k)²): with S1_u = Σ v and S2_u = Σ v² over unit u,
 *   P_u = 2 (m_u S2_u − S1_u²)        T = 2 (n ΣS2 − (ΣS1)²)
 * (the 2s cancel), so m_u, Σv and Σv² per unit suffice. Equivalently, and with
 * less rounding error, (m_u S2_u − S1_u²)/(m_u − 1) = m_u · var_samp_u and
 * n ΣS2 − (ΣS1)² = n (n − 1) · var_samp(all pairable values), which is how the SQL
 * computes them (lib/agreement/agreement-dashboard.ts).
 *
 * Never NaN: no pairable unit → null, reason "no item has 2 or more values";
 * T = 0 (every pairable value the same) → D_e = 0 and α = 0/0, which Krippendorff
 * leaves undefined (data without variation say nothing about reliability) → null,
 * reason "no variation".
 */
export type AlphaLevel = "nominal" | "interval";

export type AlphaAggregates = {
  /** Pairable units (m_u ≥ 2). */
  units: number;
  /** n: values in pairable units. */
  values: number;
  /** W = Σ_u P_u / (m_u − 1), P_u the within-unit ordered-pair distance sum (factor 2 dropped for interval). */
  within: number;
  /** T: the same sum over all pairable values (nominal n² − Σ n_c²; interval n ΣS2 − (ΣS1)²). */
  total: number;
};

export type AlphaResult = {
  alpha: number | null;
  level: AlphaLevel;
  units: number;
  values: number;
  reason: string | null;
};

export const NO_PAIRABLE_UNIT = "no item has 2 or more values";
export const NO_ALPHA_VARIATION = "no variation: every value is the same, so alpha is undefined";

export function alphaFromAggregates(level: AlphaLevel, { units, values, within, total }: AlphaAggregates): AlphaResult {
  if (units < 1 || values < 2) return { alpha: null, level, units, values, reason: NO_PAIRABLE_UNIT };
  // Relative tolerance: T is a difference of large sums for interval data.
  if (!(total > 1e-12 * Math.max(1, values * values))) return { alpha: null, level, units, values, reason: NO_ALPHA_VARIATION };
  return { alpha: 1 - ((values - 1) * Math.max(0, within)) / total, level, units, values, reason: null };
}

/** A unit's values as SQL aggregates them: nominal, the count of each value. */
export type NominalUnit = { counts: number[] };

/** Nominal aggregates from per-unit value counts and each value's total over pairable units (units with fewer than 2 values dropped). */
export function nominalAggregates(units: NominalUnit[], categoryTotals: number[]): AlphaAggregates {
  let pairable = 0, values = 0, within = 0;
  for (const { counts } of units) {
    const m = counts.reduce((s, c) => s + c, 0);
    if (m < 2) continue;
    pairable += 1;
    values += m;
    within += (m * m - counts.reduce((s, c) => s + c * c, 0)) / (m - 1);
  }
  const total = values * values - categoryTotals.reduce((s, c) => s + c * c, 0);
  return { units: pairable, values, within, total };
}

/** A unit's values as SQL aggregates them: interval, m_u, Σv, Σv². */
export type IntervalUnit = { m: number; sum: number; sumSquares: number };

export function intervalAggregates(units: IntervalUnit[]): AlphaAggregates {
  let pairable = 0, values = 0, within = 0, s1 = 0, s2 = 0;
  for (const { m, sum, sumSquares } of units) {
    if (m < 2) continue;
    pairable += 1;
    values += m;
    within += (m * sumSquares - sum * sum) / (m - 1);
    s1 += sum;
    s2 += sumSquares;
  }
  return { units: pairable, values, within, total: values * s2 - s1 * s1 };
}

/**
 * Alpha from reliability data: one array per unit (item) of the values the
 * annotators gave it, null or undefined for a missing value. The tests' form;
 * it reduces the data to the same aggregates the SQL returns.
 */
export function krippendorffAlpha(level: AlphaLevel, data: (string | number | null | undefined)[][]): AlphaResult {
  const units = data.map((unit) => unit.filter((v): v is string | number => v !== null && v !== undefined));
  if (level === "interval") {
    return alphaFromAggregates(level, intervalAggregates(units.map((unit) => {
      const numbers = unit.map((v) => {
        const x = typeof v === "number" ? v : Number(v);
        if (!Number.isFinite(x)) throw new RangeError(`Interval alpha needs numbers, got ${String(v)}`);
        return x;
      });
      return { m: numbers.length, sum: numbers.reduce((s, x) => s + x, 0), sumSquares: numbers.reduce((s, x) => s + x * x, 0) };
    })));
  }
  const totals = new Map<string, number>();
  const perUnit = units.map((unit) => {
    const counts = new Map<string, number>();
    for (const v of unit) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    if (unit.length >= 2) for (const [value, count] of counts) totals.set(value, (totals.get(value) ?? 0) + count);
    return { counts: [...counts.values()] };
  });
  return alphaFromAggregates(level, nominalAggregates(perUnit, [...totals.values()]));
}
