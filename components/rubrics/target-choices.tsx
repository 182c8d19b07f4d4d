"use client";

import type { Rubric } from "@/lib/rubrics/rubric-schemas";

const targetLabels: Record<Rubric["targets"][number], string> = { TRACE: "Traces", SPAN: "Spans", DOCUMENT: "Retrieved documents", SESSION: "Sessions" };
const kinds: Rubric["spanKinds"] = ["LLM", "CHAIN", "RETRIEVER", "TOOL", "AGENT", "EMBEDDING", "RERANKER", "GUARDRAIL", "EVALUATOR", "UNKNOWN"];

// Where the rubric's form appears; span kinds narrow the span form (none = every kind).
export function TargetChoices({ targets, spanKinds, onChange, error }: {
  targets: Rubric["targets"];
  spanKinds: Rubric["spanKinds"];
  onChange: (targets: Rubric["targets"], spanKinds: Rubric["spanKinds"]) => void;
  error?: string;
}) {
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-zinc-700">Applies to</legend>
      {(Object.keys(targetLabels) as Rubric["targets"]).map((target) => (
        <label key={target} className="mr-4 inline-flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={targets.includes(target)} onChange={(e) => onChange(toggle(targets, target, e.target.checked), spanKinds)} />
          {targetLabels[target]}
        </label>
      ))}
      {targets.includes("SPAN") ? (
        <div className="flex flex-wrap gap-x-3 pl-4 text-xs text-zinc-600">
          <span>Span kinds:</span>
          {kinds.map((kind) => (
            <label key={kind} className="inline-flex items-center gap-1">
              <input type="checkbox" checked={spanKinds.includes(kind)} onChange={(e) => onChange(targets, toggle(spanKinds, kind, e.target.checked))} />
              {kind}
            </label>
          ))}
        </div>
      ) : null}
      {error ? <p className="text-xs text-red-600">Targets {error}</p> : null}
    </fieldset>
  );
}
