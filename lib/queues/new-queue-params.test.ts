import { describe, expect, it } from "vitest";
import { newQueueQuery, parseNewQueueParams } from "./new-queue-params";

describe("the new-queue page's URL", () => {
  it("reads the list, and keeps its filters without paging", () => {
    expect(parseNewQueueParams({ from: "sessions", q: "refund", cursor: "abc", limit: "50" })).toEqual({ list: "sessions", ids: null, query: "q=refund" });
  });

  it("keeps the traces list's own date filter named `from`", () => {
    const query = newQueueQuery("traces", "from=2026-11-01T00%3A00%3A00.000Z&status=ERROR");
    const raw = Object.fromEntries([...new URLSearchParams(query).keys()].map((key) => [key, new URLSearchParams(query).getAll(key)]));
    const parsed = parseNewQueueParams(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.length === 1 ? v[0] : v])));
    expect(parsed.list).toBe("traces");
    expect(new URLSearchParams(parsed.query).get("from")).toBe("2026-11-01T00:00:00.000Z");
    expect(new URLSearchParams(parsed.query).get("status")).toBe("ERROR");
  });

  it("reads selected rows, dropping what is not a row id", () => {
    expect(parseNewQueueParams({ from: "spans", ids: "3,1,x,3,-2,0" })).toEqual({ list: "spans", ids: [3, 1], query: "" });
    expect(newQueueQuery("traces", "status=ERROR", [5, 6])).toBe("from=traces&ids=5%2C6");
  });

  it("defaults to the traces list", () => {
    expect(parseNewQueueParams({}).list).toBe("traces");
  });
});
