// The one table `npm run bench` prints, and bench/RESULTS.md around it.
import type { BenchRow } from "./contract";

/** A table row: the scenario's row, or the runner's word on a scenario that did not run. */
export type ResultRow = BenchRow & {
  scenario: string;
  /** Peak resident memory of the server (and its child processes) while the scenario ran, in bytes. */
  peakRssBytes?: number;
  /** Set when the scenario was missing or threw: the row stands in for its figures. */
  error?: string;
  /** The scenario's file is not there (yet): "not run" rather than ERROR. */
  missing?: boolean;
};

export type RunInfo = {
  date: Date;
  /** `uptime`'s load averages before and after. */
  loadBefore: string;
  loadAfter: string;
  commit: string;
  machine: string;
  sizes: string;
  seed: string;
  quick: boolean;
  scenarios: string[];
  durationSeconds: number;
};

const num = (value: number, digits = 1) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatMs(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  return value >= 100 ? `${num(value, 0)} ms` : `${num(value, 1)} ms`;
}

export function formatThroughput(throughput: BenchRow["throughput"]): string {
  if (!throughput || !Number.isFinite(throughput.value)) return "–";
  return `${num(throughput.value, throughput.value >= 100 ? 0 : 1)} ${throughput.unit}`;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes <= 0) return "–";
  return `${num(bytes / 1024 / 1024, 0)} MiB`;
}

export function formatRawSql(raw: BenchRow["rawSql"]): string {
  if (!raw) return "–";
  const parts: string[] = [];
  if (raw.p50Ms !== undefined) parts.push(`p50 ${formatMs(raw.p50Ms)}`);
  if (raw.p95Ms !== undefined) parts.push(`p95 ${formatMs(raw.p95Ms)}`);
  if (raw.throughput) parts.push(formatThroughput(raw.throughput));
  return parts.length ? parts.join(", ") : "–";
}

export function formatResult(row: ResultRow): string {
  if (row.missing) return "not run";
  if (row.error) return "ERROR";
  if (row.met === null) return "";
  return row.met ? "met" : "MISSED";
}

const COLUMNS: { header: string; cell: (row: ResultRow) => string; optional?: (rows: ResultRow[]) => boolean }[] = [
  { header: "scenario", cell: (r) => r.scenario },
  { header: "figure", cell: (r) => r.figure },
  { header: "p50", cell: (r) => formatMs(r.p50Ms) },
  { header: "p95", cell: (r) => formatMs(r.p95Ms) },
  { header: "p99", cell: (r) => formatMs(r.p99Ms), optional: (rows) => rows.some((r) => r.p99Ms !== undefined) },
  { header: "throughput", cell: (r) => formatThroughput(r.throughput) },
  { header: "CPU ms / 1,000", cell: (r) => (r.cpuMsPer1000 === undefined ? "–" : num(r.cpuMsPer1000, 0)), optional: (rows) => rows.some((r) => r.cpuMsPer1000 !== undefined) },
  { header: "peak server RSS", cell: (r) => formatBytes(r.peakRssBytes) },
  { header: "raw SQL", cell: (r) => formatRawSql(r.rawSql) },
  { header: "target", cell: (r) => r.target || "–" },
  { header: "result", cell: formatResult },
];

const columnsFor = (rows: ResultRow[]) => COLUMNS.filter((column) => !column.optional || column.optional(rows));

/** The table for the terminal: aligned columns, figures right-aligned. */
export function formatTextTable(rows: ResultRow[]): string {
  const columns = columnsFor(rows);
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i].length)));
  const leftAligned = new Set(["scenario", "figure", "raw SQL", "target", "result"]);
  const line = (values: string[]) =>
    values.map((value, i) => (leftAligned.has(columns[i].header) ? value.padEnd(widths[i]) : value.padStart(widths[i]))).join("  ").trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

const escapeCell = (value: string) => value.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function formatMarkdownTable(rows: ResultRow[]): string {
  const columns = columnsFor(rows);
  const head = `| ${columns.map((c) => c.header).join(" | ")} |`;
  const rule = `|${columns.map((c) => (["scenario", "figure", "raw SQL", "target", "result"].includes(c.header) ? "---" : "---:")).join("|")}|`;
  return [head, rule, ...rows.map((row) => `| ${columns.map((c) => escapeCell(c.cell(row))).join(" | ")} |`)].join("\n");
}

/** Notes: what each missed target, error or figure says, one bullet per row that has one. */
export function formatNotes(rows: ResultRow[]): string[] {
  return rows.filter((row) => row.error || row.note).map((row) => `- **${row.scenario}: ${row.figure}**: ${row.error ?? row.note}`);
}

export function formatResultsMarkdown(info: RunInfo, rows: ResultRow[]): string {
  const met = rows.filter((r) => !r.error && r.met === true).length;
  const missed = rows.filter((r) => !r.error && r.met === false).length;
  const errors = rows.filter((r) => r.error).length;
  const notes = formatNotes(rows);
  return [
    "# Benchmark results (`npm run bench`)",
    "",
    `- Date: ${info.date.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC")}`,
    `- Commit: ${info.commit}`,
    `- Machine: ${info.machine}`,
    `- Load (uptime) before: ${info.loadBefore}; after: ${info.loadAfter}`,
    `- World: ${info.sizes}`,
    `- Seed: ${info.seed}`,
    `- Run: ${info.quick ? "--quick (fewer runs per figure), " : ""}scenarios ${info.scenarios.join(", ")}; ${num(info.durationSeconds / 60, 1)} min in all`,
    `- Targets: ${met} met, ${missed} missed${errors ? `, ${errors} scenario(s) did not run` : ""}`,
    "",
    formatMarkdownTable(rows),
    "",
    "Peak server RSS is the highest sum of the resident memory of the server process and its children, sampled every 250 ms while the scenario ran.",
    "\"Raw SQL\" is the same work sent straight to Postgres on plain `pg` connections (the statements the app sends, replayed, or their hand-written equivalent).",
    ...(notes.length ? ["", "## Notes", "", ...notes] : []),
    "",
  ].join("\n");
}
