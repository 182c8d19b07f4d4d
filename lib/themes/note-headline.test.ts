import { describe, expect, it } from "vitest";
import { headlineParts } from "./note-headline";

describe("headlineParts", () => {
  it("splits a headline into plain text and matches", () => {
    expect(headlineParts("The «refund» policy was «invented»."))
      .toEqual([
        { text: "The ", match: false },
        { text: "refund", match: true },
        { text: " policy was ", match: false },
        { text: "invented", match: true },
        { text: ".", match: false },
      ]);
  });

  it("keeps markup as text and an unclosed marker as plain text", () => {
    expect(headlineParts("<b>«tool»</b> « open")).toEqual([
      { text: "<b>", match: false },
      { text: "tool", match: true },
      { text: "</b> « open", match: false },
    ]);
  });

  it("merges adjacent matches and drops empty parts", () => {
    expect(headlineParts("«wrong»«tool»")).toEqual([{ text: "wrongtool", match: true }]);
    expect(headlineParts("")).toEqual([]);
  });
});
