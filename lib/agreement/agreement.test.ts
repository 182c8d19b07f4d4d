import { describe, expect, it } from "vitest";
import { alphaFromAggregates, intervalAggregates, krippendorffAlpha, NO_ALPHA_VARIATION, NO_PAIRABLE_UNIT, nominalAggregates } from "./alpha";
import { cohenKappa, FEWER_THAN_TWO_ITEMS, NO_VARIATION, quadraticWeightedKappa } from "./kappa";

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg
// School for Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43),
// section C, "Nominal data, any number of observers, missing data": 4 observers × 12
// units, "." missing. The paper gives α = 0.743 (nominal), 0.849 (interval).
const _ = null;
const observers = {
  A: [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  C: [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
};
// Reliability data by unit: each unit's values from A, B, C, D.
const byUnit = observers.A.map((_, u) => [observers.A[u], observers.B[u], observers.C[u], observers.D[u]]);

describe("Krippendorff's alpha", () => {
  it("matches Krippendorff's worked example with missing values (nominal 0.743, interval 0.849)", () => {
    const nominal = krippendorffAlpha("nominal", byUnit);
    expect(nominal.alpha).toBeCloseTo(0.743, 3);
    // Unit 12 has one value (B's 3): not pairable. 11 units, n = 40 values (the paper's n..).
    expect([nominal.units, nominal.values]).toEqual([11, 40]);
    const interval = krippendorffAlpha("interval", byUnit);
    expect(interval.alpha).toBeCloseTo(0.849, 3);
    expect([interval.units, interval.values]).toEqual([11, 40]);
  });

  it("gives the same alpha from the per-unit aggregates SQL returns as from the data", () => {
    // Nominal: per unit the count of each value, and each value's total over pairable units
    // (the paper's n_c: 1→9, 2→13, 3→10, 4→5, 5→3).
    const units = byUnit.map((unit) => {
      const counts = new Map<number, number>();
      for (const v of unit) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
      return { counts: [...counts.values()] };
    });
    const nominal = nominalAggregates(units, [9, 13, 10, 5, 3]);
    expect(nominal.values).toBe(40);
    expect(alphaFromAggregates("nominal", nominal).alpha).toBeCloseTo(0.743, 3);
    // The paper's α = 1 − (n − 1) Σ_{c<k} o_ck / Σ_{c<k} n_c n_k = 1 − 39 · 4 / 608: over ordered
    // pairs, W = 2 · 4 and T = 2 · 608 = 40² − (9² + 13² + 10² + 5² + 3²).
    expect(nominal.within).toBeCloseTo(8, 10);
    expect(nominal.total).toBe(1216);

    // Interval: m_u, Σv, Σv² per unit.
    const interval = intervalAggregates(byUnit.map((unit) => {
      const values = unit.filter((v): v is number => v !== null);
      return { m: values.length, sum: values.reduce((s, v) => s + v, 0), sumSquares: values.reduce((s, v) => s + v * v, 0) };
    }));
    expect(alphaFromAggregates("interval", interval).alpha).toBeCloseTo(0.849, 3);
  });

  it("is 1 when every pairable unit agrees and there is variation between units", () => {
    expect(krippendorffAlpha("nominal", [["a", "a"], ["b", "b", null], ["a", "a", "a"]]).alpha).toBe(1);
    expect(krippendorffAlpha("interval", [[1, 1], [4, 4]]).alpha).toBe(1);
  });

  it("gives a reason, not NaN, for one annotator, no overlap, or no variation", () => {
    // One annotator: every unit has one value.
    for (const level of ["nominal", "interval"] as const) {
      const one = krippendorffAlpha(level, [[1], [2], [3]]);
      expect(one).toEqual({ alpha: null, level, units: 0, values: 0, reason: NO_PAIRABLE_UNIT });
      // Two annotators who never rated the same unit.
      expect(krippendorffAlpha(level, [[1, null], [null, 2], [3, null]]).reason).toBe(NO_PAIRABLE_UNIT);
      // All agree on one value everywhere: D_e = 0.
      const same = krippendorffAlpha(level, [[2, 2], [2, 2, 2]]);
      expect(same).toEqual({ alpha: null, level, units: 2, values: 5, reason: NO_ALPHA_VARIATION });
    }
    expect(krippendorffAlpha("nominal", []).reason).toBe(NO_PAIRABLE_UNIT);
  });

  it("is below 0 for systematic disagreement", () => {
    const result = krippendorffAlpha("nominal", [["a", "b"], ["b", "a"], ["a", "b"], ["b", "a"]]);
    // D_o = 1 (every pair differs); D_e = 1 − 2·4·3/(8·7) = 4/7: α = 1 − 7/4.
    expect(result.alpha).toBeCloseTo(-0.75, 10);
  });
});

describe("Cohen's kappa", () => {
  it("matches the 2×2 example of Wikipedia's “Cohen's kappa” (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → 0.4)", () => {
    // https://en.wikipedia.org/wiki/Cohen%27s_kappa#Simple_example: 50 proposals, reader A (rows) and B.
    // p_o = 35/50 = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
    const result = cohenKappa([
      { a: "yes", b: "yes", count: 20 },
      { a: "yes", b: "no", count: 5 },
      { a: "no", b: "yes", count: 10 },
      { a: "no", b: "no", count: 15 },
    ]);
    expect(result.items).toBe(50);
    expect(result.kappa).toBeCloseTo(0.4, 3);
    expect(result.observedAgreement).toBeCloseTo(0.7, 10);
    expect(result.expectedAgreement).toBeCloseTo(0.5, 10);
  });

  it("matches a hand-computed 3-category table", () => {
    // Rows A, columns B over x, y, z: [[5,1,0],[2,4,1],[0,1,6]], N = 20.
    // p_o = 15/20 = 0.75; rows 6,7,7, columns 7,6,7: p_e = (42 + 42 + 49)/400 = 0.3325.
    const table = [[5, 1, 0], [2, 4, 1], [0, 1, 6]];
    const labels = ["x", "y", "z"];
    const cells = table.flatMap((row, i) => row.map((count, j) => ({ a: labels[i], b: labels[j], count })));
    expect(cohenKappa(cells).kappa).toBeCloseTo((0.75 - 0.3325) / (1 - 0.3325), 12);
  });

  it("weights score distances quadratically", () => {
    // Items: (1,1), (2,2), (3,2), (1,3). Σ(a−b)² = 0 + 0 + 1 + 4 = 5.
    // A: 1,2,3,1 (mean 7/4, Σa² = 15); B: 1,2,2,3 (mean 2, Σb² = 18).
    // Σ E w = (15 − 4·49/16) + (18 − 16) + 4·(1/4)² = 2.75 + 2 + 0.25 = 5, κ_w = 1 − 5/5 = 0.
    const pairs = [[1, 1], [2, 2], [3, 2], [1, 3]];
    const result = quadraticWeightedKappa(pairs.map(([a, b]) => ({ a, b, count: 1 })));
    expect(result.kappa).toBeCloseTo(0, 12);
    expect(result.observedAgreement).toBe(0.5);
    // Perfect agreement with variation is 1; one-point disagreements on a wide spread stay high.
    expect(quadraticWeightedKappa([{ a: 1, b: 1, count: 3 }, { a: 5, b: 5, count: 3 }]).kappa).toBe(1);
    // A 2×2 table over scores 0/1 is the nominal kappa (the weights are 0/1).
    const binary = [{ a: 1, b: 1, count: 20 }, { a: 1, b: 0, count: 5 }, { a: 0, b: 1, count: 10 }, { a: 0, b: 0, count: 15 }];
    expect(quadraticWeightedKappa(binary).kappa).toBeCloseTo(cohenKappa(binary).kappa!, 12);
  });

  it("gives a reason, not NaN, below 2 items or without variation", () => {
    for (const kappa of [cohenKappa, quadraticWeightedKappa]) {
      expect(kappa([])).toMatchObject({ items: 0, kappa: null, observedAgreement: null, reason: FEWER_THAN_TWO_ITEMS });
      expect(kappa([{ a: 1, b: 2, count: 1 }])).toMatchObject({ items: 1, kappa: null, reason: FEWER_THAN_TWO_ITEMS });
      // All agree, one value for every item: p_e = 1, kappa 0/0 (undefined), observed agreement 1.
      expect(kappa([{ a: 3, b: 3, count: 4 }, { a: 2, b: 2, count: 0 }])).toMatchObject({ items: 4, kappa: null, observedAgreement: 1, reason: NO_VARIATION });
    }
    // One annotator constant, the other not: defined (0 — no agreement beyond chance).
    expect(cohenKappa([{ a: "x", b: "x", count: 3 }, { a: "x", b: "y", count: 1 }]).kappa).toBe(0);
  });
});
