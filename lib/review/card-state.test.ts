import { describe, expect, it } from "vitest";
import { cardStatus, differs, draftOf, isGiven, isRequired, refusalMessage } from "./card-state";

const continuous = { type: "CONTINUOUS" as const };
const categorical = { type: "CATEGORICAL" as const };
const freeform = { type: "FREEFORM" as const };
const stored = (value: Partial<{ label: string; score: number; explanation: string }>) => ({ label: null, score: null, explanation: null, ...value });

describe("a rubric card's state", () => {
  it("counts a score as changed only when its number differs from the stored one", () => {
    expect(differs(continuous, stored({ score: 8.5 }), { score: "8.50", explanation: "" }, true)).toBe(false);
    expect(differs(continuous, stored({ score: 8.5 }), { score: "9", explanation: "" }, true)).toBe(true);
    expect(differs(continuous, null, { score: "", explanation: "" }, true)).toBe(false);
    // An emptied box over a stored score is a change, not "saved".
    expect(differs(continuous, stored({ score: 6 }), { score: " ", explanation: "" }, true)).toBe(true);
    expect(differs(continuous, null, { score: "11", explanation: "" }, true)).toBe(true);
  });

  it("counts text as changed unless only surrounding spaces differ, and ignores it on cards without a text box", () => {
    expect(differs(freeform, stored({ explanation: "Wrong plan" }), { score: "", explanation: "Wrong plan  " }, true)).toBe(false);
    expect(differs(freeform, stored({ explanation: "Wrong plan" }), { score: "", explanation: "Wrong plan\nand tone" }, true)).toBe(true);
    expect(differs(categorical, stored({ label: "relevant", explanation: "from the API" }), { score: "", explanation: "" }, false)).toBe(false);
  });

  it("starts the draft from what is stored", () => {
    expect(draftOf(stored({ score: 0 }))).toEqual({ score: "0", explanation: "" });
    expect(draftOf(null)).toEqual({ score: "", explanation: "" });
  });

  it("says saved only when nothing is in flight, refused or pending", () => {
    const base = { saving: false, refused: false, pending: false, stored: true, required: true };
    expect(cardStatus(base)).toBe("saved");
    expect(cardStatus({ ...base, pending: true })).toBe("unsaved");
    expect(cardStatus({ ...base, pending: true, refused: true })).toBe("refused");
    expect(cardStatus({ ...base, refused: true, saving: true })).toBe("saving");
    expect(cardStatus({ ...base, stored: false })).toBe("required");
    expect(cardStatus({ ...base, stored: false, required: false })).toBe("empty");
  });

  it("requires the rubrics marked required, on the trace or the session only", () => {
    expect(isRequired({ required: true }, "TRACE")).toBe(true);
    expect(isRequired({ required: true }, "SESSION")).toBe(true);
    expect(isRequired({ required: true }, "SPAN")).toBe(false);
    expect(isRequired({ required: true }, "DOCUMENT")).toBe(false);
    expect(isRequired({ required: false }, "TRACE")).toBe(false);
  });

  it("knows when a rubric is given", () => {
    expect(isGiven(categorical, stored({ label: "correct" }))).toBe(true);
    expect(isGiven(categorical, stored({ explanation: "no label" }))).toBe(false);
    expect(isGiven(continuous, stored({ score: 0 }))).toBe(true);
    expect(isGiven(freeform, stored({ explanation: "  " }))).toBe(false);
    expect(isGiven(freeform, null)).toBe(false);
  });

  it("names the refused field", () => {
    expect(refusalMessage({ message: "Please correct the highlighted fields.", fieldErrors: { score: ["must be between 0 and 10"] } })).toBe("Score must be between 0 and 10");
    expect(refusalMessage({ message: "x", fieldErrors: { explanation: ["is required"] } })).toBe("Text is required");
    expect(refusalMessage({ message: "The database is unavailable." })).toBe("The database is unavailable.");
  });
});
