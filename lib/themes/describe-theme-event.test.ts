import { describe, expect, it } from "vitest";
import { describeEvent } from "./describe-theme-event";

// The history rows of a theme page, from the details lib/themes/*.ts records.
describe("describeEvent", () => {
  it.each([
    ["CREATE", { name: "Wrong tool", description: "" }, "created it as “Wrong tool”"],
    ["UPDATE", { before: { name: "Tool", description: "a" }, after: { name: "Wrong tool", description: "a" } }, "renamed it from “Tool” to “Wrong tool”"],
    ["UPDATE", { before: { name: "Tool", description: "a" }, after: { name: "Tool", description: "b" } }, "changed the description"],
    ["UPDATE", { before: { name: "A", description: "a" }, after: { name: "B", description: "b" } }, "renamed it from “A” to “B” and changed the description"],
    ["TAG", { noteIds: [1, 2, 3] }, "tagged 3 notes"],
    ["UNTAG", { noteIds: [4] }, "untagged 1 note"],
    ["MERGE", { mergedIntoId: 2, mergedIntoName: "Tone", noteIds: [1, 2] }, "merged it into “Tone” (2 notes)"],
    ["MERGE", { mergedFromId: 1, mergedFromName: "Rude", noteIds: [1, 2], addedNoteIds: [1] }, "merged “Rude” into it (2 notes)"],
    ["SPLIT", { splitIntoId: 5, splitIntoName: "Sarcasm", noteIds: [7] }, "split 1 note out into “Sarcasm”"],
    ["SPLIT", { splitFromId: 4, splitFromName: "Tone", noteIds: [7, 8] }, "split it out of “Tone” with 2 notes"],
    ["DELETE", { name: "Old" }, "deleted it"],
    ["PROMOTE", { mode: "categorical", rubricIds: [3], rubricName: "failure_mode", label: "Tone" }, "promoted it to rubric “failure_mode”"],
    ["PROMOTE", { mode: "boolean", rubricIds: [4], rubricName: "tone", label: "present" }, "promoted it to rubric “tone” (present/absent)"],
  ] as const)("%s %j reads “%s”", (kind, details, expected) => {
    expect(describeEvent({ kind, details })).toBe(expected);
  });

  it("does not trust the stored details' shape", () => {
    expect(describeEvent({ kind: "TAG", details: { noteIds: "oops" } })).toBe("tagged 0 notes");
  });
});
