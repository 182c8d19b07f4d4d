// Finds the scenarios: every bench/scenarios/<name>.ts exporting `scenario`,
// plus the ones the table expects (issue 12) whose file has not landed yet, so
// a missing one shows as a row rather than silently dropping out.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Scenario } from "./contract";

/** The scenarios issue 12's table is made of, in the order they print. */
export const EXPECTED_SCENARIOS = [
  "trace-pages", "lists", "annotation-writes", "otlp-ingest", "claim-next", "dashboards", "agreement", "notes-search", "clustering", "export", "adjudication",
] as const;

export type ScenarioEntry =
  | { name: string; file: string; scenario: Scenario; problem?: undefined }
  | { name: string; file: string; scenario?: undefined; problem: string };

const SCENARIO_DIR = path.join("bench", "scenarios");

export async function loadScenarios(dir = SCENARIO_DIR): Promise<ScenarioEntry[]> {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort() : [];
  const byFile = new Map<string, ScenarioEntry>();
  for (const file of files) {
    const base = file.replace(/\.ts$/, "");
    const full = path.resolve(dir, file);
    try {
      const loaded = (await import(pathToFileURL(full).href)) as { scenario?: Scenario };
      const scenario = loaded.scenario;
      if (!scenario || typeof scenario.run !== "function" || !scenario.name) {
        byFile.set(base, { name: base, file: full, problem: `${path.join(dir, file)} exports no \`scenario\`` });
      } else {
        byFile.set(base, { name: scenario.name, file: full, scenario });
      }
    } catch (error) {
      byFile.set(base, { name: base, file: full, problem: `${path.join(dir, file)} failed to load: ${message(error)}` });
    }
  }
  for (const name of EXPECTED_SCENARIOS) {
    if (!byFile.has(name)) byFile.set(name, { name, file: path.resolve(dir, `${name}.ts`), problem: `${path.join(dir, name)}.ts is not there yet` });
  }
  return orderScenarios([...byFile.values()]);
}

/** Expected scenarios in the table's order, then any others by name. */
export function orderScenarios<T extends { name: string }>(entries: T[]): T[] {
  const rank = (name: string) => {
    const index = (EXPECTED_SCENARIOS as readonly string[]).indexOf(name);
    return index === -1 ? EXPECTED_SCENARIOS.length : index;
  };
  return [...entries].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** The entries `--only` names, in table order; unknown names are an error that lists the known ones. */
export function chooseScenarios<T extends { name: string }>(entries: T[], only: string[] | null): T[] {
  if (!only) return entries;
  const unknown = only.filter((name) => !entries.some((entry) => entry.name === name));
  if (unknown.length) throw new Error(`Unknown scenario(s): ${unknown.join(", ")}. Known: ${entries.map((e) => e.name).join(", ")}`);
  return entries.filter((entry) => only.includes(entry.name));
}

export const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 300);
