import { describe, expect, it } from "vitest";
import { spanTreeRows } from "./span-tree";

const span = (spanId: string, parentSpanId: string | null = null) => ({ spanId, parentSpanId });

describe("spanTreeRows", () => {
  it("orders rows depth-first, keeping sibling order", () => {
    const rows = spanTreeRows([span("root"), span("a", "root"), span("b", "root"), span("a1", "a")]);
    expect(rows.map((r) => [r.span.spanId, r.depth, r.childCount])).toEqual([
      ["root", 0, 2],
      ["a", 1, 1],
      ["a1", 2, 0],
      ["b", 1, 0],
    ]);
  });

  it("makes spans with a missing parent roots", () => {
    const rows = spanTreeRows([span("root"), span("orphan", "gone"), span("child", "orphan")]);
    expect(rows.map((r) => [r.span.spanId, r.depth])).toEqual([
      ["root", 0],
      ["orphan", 0],
      ["child", 1],
    ]);
  });

  it("shows every span once even with self-parents and cycles", () => {
    const rows = spanTreeRows([span("self", "self"), span("x", "y"), span("y", "x")]);
    expect(rows.map((r) => r.span.spanId).sort()).toEqual(["self", "x", "y"]);
    expect(rows.find((r) => r.span.spanId === "self")?.depth).toBe(0);
  });

  it("handles an empty trace and deep chains", () => {
    expect(spanTreeRows([])).toEqual([]);
    const chain = Array.from({ length: 5000 }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : null));
    expect(spanTreeRows(chain).at(-1)?.depth).toBe(4999);
  });
});
