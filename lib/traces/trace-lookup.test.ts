import { describe, expect, it } from "vitest";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { lookUpTrace } from "./trace-lookup";

useTestDatabase();

describe("lookUpTrace", () => {
  it("tells a known trace and span from an unknown trace, another project's trace and an unknown span", async () => {
    const spans = ragTrace({ start: new Date("2026-11-20T10:00:00Z"), project: "shop" });
    const other = ragTrace({ start: new Date("2026-11-20T10:00:00Z"), project: "bank" });
    await ingestSpans([...spans, ...other]);
    const { traceId, spanId } = spans[1];
    expect(await lookUpTrace("shop", traceId)).toBe("found");
    expect(await lookUpTrace("shop", traceId.toUpperCase(), spanId)).toBe("found");
    expect(await lookUpTrace("shop", "0".repeat(32))).toBe("no-trace");
    expect(await lookUpTrace("nowhere", traceId)).toBe("no-trace");
    expect(await lookUpTrace("bank", traceId)).toBe("no-trace");
    expect(await lookUpTrace("shop", traceId, "f".repeat(16))).toBe("no-span");
    expect(await lookUpTrace("shop", traceId, other[1].spanId)).toBe("no-span");
  });
});
