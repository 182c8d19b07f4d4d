import { describe, expect, it } from "vitest";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import type { AnnotationReader } from "@/lib/review/blind-review";
import { listTraces } from "./list-traces";
import { parseTraceFilters } from "./trace-filters";

const db = useTestDatabase();
const t0 = new Date("2026-11-20T10:00:00Z");
const everyone: AnnotationReader = { userId: null, seesAll: true };

async function seed(count: number) {
  const spans = Array.from({ length: count }, (_, i) =>
    ragTrace({
      // Pairs share a start time so ties must be broken by id.
      start: new Date(t0.getTime() + Math.floor(i / 2) * 60_000),
      latencyMs: 100 + ((i * 37) % 23) * 10,
      tokens: 50 + ((i * 11) % 7) * 10,
      status: i % 5 === 0 ? "ERROR" : "OK",
      input: i % 4 === 0 ? `Refund request number ${i}` : `Password question ${i}`,
    }),
  ).flat();
  await ingestSpans(spans);
  return (await db.project.findFirstOrThrow()).id;
}

async function readAllPages(projectId: number, params: Record<string, string>) {
  const seen: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listTraces(projectId, parseTraceFilters({ ...params, cursor, limit: "7" }), everyone);
    seen.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 100);
  return seen;
}

describe("listTraces", () => {
  it("pages through every trace once, newest first, with keyset cursors", async () => {
    const projectId = await seed(40);
    const ids = await readAllPages(projectId, {});
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const rows = await db.trace.findMany({ orderBy: [{ startTime: "desc" }, { id: "desc" }], select: { id: true } });
    expect(ids).toEqual(rows.map((r) => r.id));
  });

  it.each(["latency", "tokens"])("pages without gaps or duplicates when sorted by %s, both directions", async (sort) => {
    const projectId = await seed(30);
    for (const dir of ["asc", "desc"]) {
      const ids = await readAllPages(projectId, { sort, dir });
      expect(new Set(ids).size).toBe(30);
    }
    const page = await listTraces(projectId, parseTraceFilters({ sort, dir: "asc" }), everyone);
    const values = page.rows.map((r) => (sort === "latency" ? r.latencyMs : r.totalTokens));
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it("filters by status, root span kind, text and time window", async () => {
    const projectId = await seed(20);
    const errors = await listTraces(projectId, parseTraceFilters({ status: "ERROR" }), everyone);
    expect(errors.rows).toHaveLength(4);
    expect(errors.rows.every((r) => r.statusCode === "ERROR")).toBe(true);

    const refunds = await listTraces(projectId, parseTraceFilters({ q: "refund" }), everyone);
    expect(refunds.rows).toHaveLength(5);
    expect(refunds.rows.every((r) => r.inputPreview?.startsWith("Refund"))).toBe(true);
    expect((await listTraces(projectId, parseTraceFilters({ q: "refu requ" }), everyone)).rows).toHaveLength(5);

    expect((await listTraces(projectId, parseTraceFilters({ kind: "LLM" }), everyone)).rows).toHaveLength(0);
    expect((await listTraces(projectId, parseTraceFilters({ kind: "CHAIN" }), everyone)).rows).toHaveLength(20);

    const window = await listTraces(
      projectId,
      parseTraceFilters({ from: "2026-11-20T10:03:00Z", to: "2026-11-20T10:05:00Z" }),
      everyone,
    );
    expect(window.rows).toHaveLength(6);
  });

  it("ignores invalid URL params instead of failing the page", async () => {
    const projectId = await seed(3);
    const filters = parseTraceFilters({ status: "BOGUS", sort: "nope", cursor: "!!", limit: "9999" });
    expect(filters.status).toBeUndefined();
    expect(filters.cursor).toBeUndefined();
    expect(filters).toMatchObject({ sort: "time", limit: 50 });
    expect((await listTraces(projectId, filters, everyone)).rows).toHaveLength(3);
  });
});
