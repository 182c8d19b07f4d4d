import { describe, expect, it } from "vitest";
import type { AgreementDashboard, RubricDashboard, SatisfactionDashboard } from "./dashboard-types";
import { sectionTable } from "./section-table";

const satisfaction: SatisfactionDashboard = {
  rubric: { name: "user_satisfaction", type: "CATEGORICAL", labels: ["satisfied", "unsatisfied"], lowerBound: null, upperBound: null },
  choices: ["user_satisfaction"],
  overTime: [
    { bucket: "2026-11-20", annotatorKind: "HUMAN", count: 3, mean: null, ciLow: null, ciHigh: null, labels: { satisfied: 2, unsatisfied: 1 } },
    // "meh" was removed from the rubric after it was used: it still gets a column, after the rubric's own.
    { bucket: "2026-11-20", annotatorKind: "LLM", count: 2, mean: null, ciLow: null, ciHigh: null, labels: { meh: 1, unsatisfied: 1 } },
  ],
  distribution: [
    { annotatorKind: "HUMAN", key: "satisfied", binStart: null, count: 2 },
    { annotatorKind: "HUMAN", key: "unsatisfied", binStart: null, count: 1 },
    { annotatorKind: "LLM", key: "unsatisfied", binStart: null, count: 1 },
  ],
  sessions: 4,
  ratedByHuman: 3,
  ratedByLlm: 0,
  lowest: [{ sessionId: "s, \"1\"", startTime: "2026-11-20T10:00:00.000Z", firstInput: "héllo\nthere", meanScore: null, label: "unsatisfied", ratings: 2 }],
};

describe("sectionTable", () => {
  it("gives each part of a section its own table, labels in the rubric's order then the data's", () => {
    expect(sectionTable("satisfaction", satisfaction, "trend")).toEqual({
      columns: ["bucket", "annotator_kind", "count", "mean", "ci_low", "ci_high", "label:satisfied", "label:unsatisfied", "label:meh"],
      rows: [
        ["2026-11-20", "HUMAN", 3, null, null, null, 2, 1, 0],
        ["2026-11-20", "LLM", 2, null, null, null, 0, 1, 1],
      ],
    });
    expect(sectionTable("satisfaction", satisfaction, "distribution").rows).toEqual([
      ["HUMAN", "satisfied", null, 2, 0.6667],
      ["HUMAN", "unsatisfied", null, 1, 0.3333],
      ["LLM", "unsatisfied", null, 1, 1],
    ]);
    expect(sectionTable("satisfaction", satisfaction, "rated").rows).toEqual([["HUMAN", 3, 4, 0.75], ["LLM", 0, 4, 0]]);
    expect(sectionTable("satisfaction", satisfaction, "lowest").rows).toEqual([["s, \"1\"", "2026-11-20T10:00:00.000Z", null, "unsatisfied", 2, "héllo\nthere"]]);
  });

  it("stacks every part under a part column when no part is asked for", () => {
    const table = sectionTable("satisfaction", satisfaction);
    expect(table.columns.slice(0, 4)).toEqual(["part", "bucket", "annotator_kind", "count"]);
    expect(table.rows.map((row) => row[0])).toEqual(["trend", "trend", "distribution", "distribution", "distribution", "rated", "rated", "lowest"]);
    const rated = table.rows[5];
    expect(rated[table.columns.indexOf("annotator_kind")]).toBe("HUMAN");
    expect(rated[table.columns.indexOf("rated")]).toBe(3);
    expect(rated[table.columns.indexOf("bucket")]).toBeNull();
    expect(table.rows.every((row) => row.length === table.columns.length)).toBe(true);
  });

  it("breaks a continuous rubric down by span kind with its mean, and no share for an empty total", () => {
    const rubric: RubricDashboard = {
      rubric: { name: "helpfulness", type: "CONTINUOUS", labels: [], lowerBound: 0, upperBound: 10 },
      choices: ["helpfulness"],
      distribution: [],
      overTime: [{ bucket: "2026-11-16", annotatorKind: "HUMAN", count: 2, mean: 7.5, ciLow: 1.15, ciHigh: 13.85, labels: {} }],
      bySpanKind: [{ key: "LLM", count: 2, mean: 7.5, labels: {} }],
      byRootSpanName: [{ key: "rag", count: 2, mean: 7.5, labels: {} }],
    };
    expect(sectionTable("rubric", rubric, "trend").rows).toEqual([["2026-11-16", "HUMAN", 2, 7.5, 1.15, 13.85]]);
    expect(sectionTable("rubric", rubric, "span-kind")).toEqual({ columns: ["span_kind", "count", "mean"], rows: [["LLM", 2, 7.5]] });
    expect(sectionTable("rubric", rubric, "root-span").columns[0]).toBe("root_span_name");
    expect(sectionTable("coverage", { rows: [{ targetKind: "SPAN", total: 0, annotated: 0 }] }).rows).toEqual([["coverage", "SPAN", 0, 0, null]]);
  });

  it("names annotators by their label in the agreement tables", () => {
    const agreement: AgreementDashboard = {
      rubric: { name: "correctness", type: "CATEGORICAL", labels: ["correct", "incorrect"], lowerBound: null, upperBound: null },
      choices: ["correctness"],
      annotators: [
        { key: "u1|px-app:u1", label: "Ann", annotatorKind: "HUMAN", userId: "u1", identifier: "px-app:u1" },
        { key: "-|judge", label: "judge (LLM)", annotatorKind: "LLM", userId: null, identifier: "judge" },
      ],
      pairs: [{ a: "u1|px-app:u1", b: "-|judge", items: 1, kappa: null, observedAgreement: null, reason: "Fewer than 2 items in common." }],
      alpha: null,
      alphaLevel: "nominal",
      alphaItems: 1,
      alphaValues: 2,
      reason: "Fewer than 2 items in common.",
      disagreementTotal: 1,
      disagreementThreshold: null,
      disagreements: [{ targetType: "TRACE", targetId: "t1", traceId: "t1", documentPosition: 0, values: [{ annotator: "u1|px-app:u1", label: "correct", score: null }, { annotator: "-|judge", label: "incorrect", score: null }] }],
    };
    expect(sectionTable("agreement", agreement, "pairs").rows).toEqual([["Ann", "judge (LLM)", 1, null, null, "Fewer than 2 items in common."]]);
    expect(sectionTable("agreement", agreement, "alpha").rows).toEqual([["correctness", null, "nominal", 1, 2, 1, "Fewer than 2 items in common."]]);
    expect(sectionTable("agreement", agreement, "disagreements").rows).toEqual([["TRACE", "t1", "t1", 0, "Ann: correct; judge (LLM): incorrect"]]);
  });
});
