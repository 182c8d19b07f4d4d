import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { containsPattern, traceTextCondition } from "./trace-text-search";

const db = useTestDatabase();
const start = new Date("2026-11-20T10:00:00Z");

async function matching(q: string) {
  const condition = traceTextCondition(Prisma.sql`t`, q);
  if (!condition) return null;
  const rows = await db.$queryRaw<{ input: string }[]>`SELECT t.input_preview AS input FROM traces t WHERE ${condition} ORDER BY 1`;
  return rows.map((r) => r.input);
}

describe("traceTextCondition", () => {
  it("matches the words of a trace's text, by prefix, all words required", async () => {
    await ingestSpans([
      ...ragTrace({ start, input: "Refund request for my annual plan" }),
      ...ragTrace({ start, input: "Password reset does not arrive" }),
    ]);
    expect(await matching("refund")).toEqual(["Refund request for my annual plan"]);
    expect(await matching("passw")).toEqual(["Password reset does not arrive"]);
    expect(await matching("refund password")).toEqual([]);
    expect(await matching("  !! ")).toBeNull();
    expect(await matching("ab")).toEqual([]);
  });

  it("finds identifiers exactly as a customer quotes them, in the input or the output", async () => {
    await ingestSpans([
      ...ragTrace({ start, input: "I was charged twice (order ORD-692058).", output: "I opened ticket TCK-48213; we'll email jane.doe@acme.io about the $1,240.00 refund." }),
      ...ragTrace({ start, input: "Order ORD-692999 never arrived", output: "Sorry to hear that." }),
      ...ragTrace({ start, input: "Discount code 100%_OFF\\x failed", output: "Codes expire." }),
    ]);
    const first = ["I was charged twice (order ORD-692058)."];
    expect(await matching("ORD-692058")).toEqual(first);
    expect(await matching("692058")).toEqual(first);
    expect(await matching("ord-692058")).toEqual(first); // case does not matter
    expect(await matching("TCK-48213")).toEqual(first);
    expect(await matching("jane.doe@acme.io")).toEqual(first);
    expect(await matching("$1,240.00")).toEqual(first);
    expect(await matching("ORD-692")).toEqual(["I was charged twice (order ORD-692058).", "Order ORD-692999 never arrived"]);
    // %, _ and \ in the user's text are taken literally.
    expect(await matching("100%_OFF\\x")).toEqual(["Discount code 100%_OFF\\x failed"]);
    expect(await matching("ode 1%OFF")).toEqual([]); // as a wildcard, % would match
    expect(await matching("_OFF\\x")).toEqual(["Discount code 100%_OFF\\x failed"]);
    expect(await matching("ORD_692058")).toEqual([]);
  });

  it("escapes LIKE wildcards", () => {
    expect(containsPattern("a%b_c\\d")).toBe("%a\\%b\\_c\\\\d%");
  });

  it("keeps the text fresh when a late span changes the root", async () => {
    const [root, ...children] = ragTrace({ start, input: "Where is ORD-111222?", output: "On its way." });
    await ingestSpans(children); // the root arrives later, in another batch
    expect(await matching("ORD-111222")).toEqual([]);
    await ingestSpans([root]);
    expect(await matching("ORD-111222")).toEqual(["Where is ORD-111222?"]);
  });
});
