import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { traceTextCondition } from "./trace-text-search";

const db = useTestDatabase();

async function matching(q: string) {
  const condition = traceTextCondition(Prisma.sql`t`, q);
  if (!condition) return null;
  const rows = await db.$queryRaw<{ input: string }[]>`SELECT t.input_preview AS input FROM traces t WHERE ${condition} ORDER BY 1`;
  return rows.map((r) => r.input);
}

describe("traceTextCondition", () => {
  it("matches the words of a trace's text, by prefix, all words required", async () => {
    const start = new Date("2026-11-20T10:00:00Z");
    await ingestSpans([
      ...ragTrace({ start, input: "Refund request for my annual plan" }),
      ...ragTrace({ start, input: "Password reset does not arrive" }),
    ]);
    expect(await matching("refund")).toEqual(["Refund request for my annual plan"]);
    expect(await matching("passw")).toEqual(["Password reset does not arrive"]);
    expect(await matching("refund password")).toEqual([]);
    expect(await matching("  !! ")).toBeNull();
  });
});
