import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, DEFAULT_SIZES, parseBenchArgs } from "@/bench/suite/args";
import { chooseScenarios, EXPECTED_SCENARIOS, orderScenarios } from "@/bench/suite/scenarios";
import { formatMarkdownTable, formatMs, formatResultsMarkdown, formatTextTable, formatThroughput, type ResultRow } from "@/bench/suite/table";

describe("npm run bench: arguments", () => {
  it("defaults to the issue's world: 100k traces × 10 spans, 1M labels and scores, 100k notes, a 100k queue, 3 reviewers", () => {
    const options = parseBenchArgs([]);
    expect(options.sizes).toEqual(DEFAULT_SIZES);
    expect(options.sizes).toEqual({ traces: 100_000, spansPerTrace: 10, annotations: 1_000_000, notes: 100_000, queueItems: 100_000, reviewers: 3 });
    expect(options).toMatchObject({ only: null, list: false, quick: false, keep: false, databaseUrl: DEFAULT_DATABASE_URL, port: 6099, resultsPath: "bench/RESULTS.md" });
  });

  it("reads sizes (with separators), --only lists, flags and the database from the environment", () => {
    const options = parseBenchArgs(
      ["--traces", "10_000", "--spans-per-trace", "5", "--annotations", "200,000", "--notes", "0", "--only", "lists, export,", "--quick", "--keep", "--port", "7001"],
      { BENCH_DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/other" },
    );
    expect(options.sizes).toEqual({ traces: 10_000, spansPerTrace: 5, annotations: 200_000, notes: 0, queueItems: 10_000, reviewers: 3 });
    expect(options).toMatchObject({ only: ["lists", "export"], quick: true, keep: true, port: 7001, databaseUrl: "postgresql://postgres@127.0.0.1:5432/other" });
    expect(parseBenchArgs(["--database-url", "postgresql://x/y"], { BENCH_DATABASE_URL: "postgresql://a/b" }).databaseUrl).toBe("postgresql://x/y");
  });

  it("refuses what it cannot seed or run, naming the option", () => {
    expect(() => parseBenchArgs(["--traces", "0"])).toThrow(/--traces must be a whole number ≥ 1/);
    expect(() => parseBenchArgs(["--traces", "1.5"])).toThrow(/--traces/);
    expect(() => parseBenchArgs(["--reviewers", "2"])).toThrow(/--reviewers must be a whole number ≥ 3/);
    expect(() => parseBenchArgs(["--traces", "10", "--queue-items", "11"])).toThrow(/--queue-items \(11\) cannot exceed --traces \(10\)/);
    expect(() => parseBenchArgs(["--only", ","])).toThrow(/--only needs/);
    expect(() => parseBenchArgs(["--nope"])).toThrow(/nope/);
  });
});

describe("npm run bench: scenarios", () => {
  const entries = orderScenarios([{ name: "zeta" }, { name: "export" }, { name: "trace-pages" }, { name: "alpha" }]);

  it("orders the issue's scenarios first, in the table's order, then the rest by name", () => {
    expect(entries.map((e) => e.name)).toEqual(["trace-pages", "export", "alpha", "zeta"]);
    expect(EXPECTED_SCENARIOS).toContain("claim-next");
  });

  it("--only keeps the table's order and names unknown scenarios", () => {
    expect(chooseScenarios(entries, ["zeta", "trace-pages"]).map((e) => e.name)).toEqual(["trace-pages", "zeta"]);
    expect(chooseScenarios(entries, null)).toHaveLength(4);
    expect(() => chooseScenarios(entries, ["exprot"])).toThrow("Unknown scenario(s): exprot. Known: trace-pages, export, alpha, zeta");
  });
});

describe("npm run bench: the table", () => {
  const rows: ResultRow[] = [
    { scenario: "trace-pages", figure: "trace list page (HTTP)", p50Ms: 42.345, p95Ms: 180.2, rawSql: { p50Ms: 3.21, p95Ms: 5 }, target: "p50 ≤ 50 ms", met: true, peakRssBytes: 512 * 1024 * 1024 },
    { scenario: "otlp-ingest", figure: "OTLP | protobuf", throughput: { value: 4321.6, unit: "spans/s" }, cpuMsPer1000: 210.4, target: "≥ 5,000 spans/s", met: false, note: "CPU bound" },
    { scenario: "export", figure: "(failed)", target: "", met: null, error: "threw: boom" },
    { scenario: "dashboards", figure: "(not run)", target: "", met: null, error: "bench/scenarios/dashboards.ts is not there yet", missing: true },
  ];

  it("formats figures for reading", () => {
    expect(formatMs(undefined)).toBe("–");
    expect(formatMs(3.21)).toBe("3.2 ms");
    expect(formatMs(1234.5)).toBe("1,235 ms");
    expect(formatThroughput({ value: 1480.4, unit: "req/s" })).toBe("1,480 req/s");
    expect(formatThroughput({ value: 12.34, unit: "MB/s" })).toBe("12.3 MB/s");
  });

  it("prints aligned columns with met / MISSED / ERROR, and only the optional columns some row has", () => {
    const text = formatTextTable(rows);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^scenario\s+figure\s+p50\s+p95\s+throughput\s+CPU ms \/ 1,000\s+peak server RSS\s+raw SQL\s+target\s+result$/);
    expect(lines).toHaveLength(6);
    expect(lines[2]).toContain("42.3 ms");
    expect(lines[2]).toContain("512 MiB");
    expect(lines[2]).toContain("p50 3.2 ms, p95 5.0 ms");
    expect(lines[2]).toMatch(/met$/);
    expect(lines[3]).toContain("4,322 spans/s");
    expect(lines[3]).toMatch(/MISSED$/);
    expect(lines[4]).toMatch(/ERROR$/);
    expect(lines[5]).toMatch(/not run$/);
    // Text columns start where their header does; figures end where theirs ends.
    expect(lines[3].indexOf("OTLP")).toBe(lines[0].indexOf("figure"));
    expect(lines[2].indexOf("180 ms") + "180 ms".length).toBe(lines[0].indexOf("p95") + "p95".length);
    expect(formatTextTable(rows.slice(0, 1))).not.toContain("CPU ms");
  });

  it("writes RESULTS.md with date, commit, machine, load, sizes, the table and notes", () => {
    const markdown = formatResultsMarkdown({
      date: new Date("2026-12-02T21:00:05.123Z"), loadBefore: "1.00, 2.00, 3.00", loadAfter: "4.00, 5.00, 6.00", commit: "abc1234",
      machine: "2 × Test CPU", sizes: "100,000 traces", seed: "6.5 min", quick: true, scenarios: ["trace-pages", "otlp-ingest", "export"], durationSeconds: 600,
    }, rows);
    expect(markdown).toContain("- Date: 2026-12-02 21:00:05 UTC");
    expect(markdown).toContain("- Commit: abc1234");
    expect(markdown).toContain("- Machine: 2 × Test CPU");
    expect(markdown).toContain("- Load (uptime) before: 1.00, 2.00, 3.00; after: 4.00, 5.00, 6.00");
    expect(markdown).toContain("- World: 100,000 traces");
    expect(markdown).toContain("--quick (fewer runs per figure), scenarios trace-pages, otlp-ingest, export; 10.0 min in all");
    expect(markdown).toContain("- Targets: 1 met, 1 missed, 2 scenario(s) did not run");
    expect(markdown).toContain("| otlp-ingest | OTLP \\| protobuf |");
    expect(markdown).toContain("- **otlp-ingest: OTLP | protobuf**: CPU bound");
    expect(markdown).toContain("- **export: (failed)**: threw: boom");
    expect(markdown).toContain("- **dashboards: (not run)**: bench/scenarios/dashboards.ts is not there yet");
    const table = formatMarkdownTable(rows).split("\n");
    expect(table[1]).toBe("|---|---|---:|---:|---:|---:|---:|---|---|---|");
    expect(table).toHaveLength(6);
  });
});
