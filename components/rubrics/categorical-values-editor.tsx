"use client";

import { useId } from "react";

type Value = { label: string; score: string };
const input = "h-8 rounded border border-zinc-300 bg-white px-2 text-sm focus:border-indigo-500 aria-invalid:border-red-500 aria-invalid:bg-red-50";

// Labels given more than once, each with the (1-based) rows that give it,
// compared as saved: trimmed. Checked as the lead types, and again on save.
function duplicateLabels(values: Value[]): { label: string; rows: number[] }[] {
  const rows = new Map<string, number[]>();
  values.forEach((value, index) => {
    const label = value.label.trim();
    if (label) rows.set(label, [...(rows.get(label) ?? []), index + 1]);
  });
  return [...rows].filter(([, at]) => at.length > 1).map(([label, at]) => ({ label, rows: at }));
}

const times = (n: number) => (n === 2 ? "twice" : `${n} times`);
const list = (rows: number[]) => new Intl.ListFormat("en").format(rows.map(String));

// The labels of a categorical rubric, in hotkey order (1, 2, 3 …), each with an optional score.
export function CategoricalValuesEditor({ values, onChange, error }: { values: Value[]; onChange: (values: Value[]) => void; error?: string }) {
  const update = (index: number, patch: Partial<Value>) => onChange(values.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  const duplicates = duplicateLabels(values);
  const duplicated = new Set(duplicates.flatMap((d) => d.rows));
  const errorId = useId();
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-zinc-700">Labels</legend>
      {values.map((value, index) => (
        <div key={index} className="flex items-center gap-2">
          <kbd className="w-5 text-center font-mono text-xs text-zinc-400">{index + 1}</kbd>
          <input
            aria-label={`Label ${index + 1}`}
            aria-invalid={duplicated.has(index + 1) || undefined}
            aria-describedby={duplicated.has(index + 1) ? errorId : undefined}
            className={`${input} flex-1`}
            value={value.label}
            onChange={(e) => update(index, { label: e.target.value })}
          />
          <input aria-label={`Score of label ${index + 1}`} type="number" step="any" placeholder="score" className={`${input} w-24`} value={value.score} onChange={(e) => update(index, { score: e.target.value })} />
          <button type="button" aria-label={`Remove label ${index + 1}`} onClick={() => onChange(values.filter((_, i) => i !== index))} className="text-xs text-zinc-400 hover:text-red-600" disabled={values.length === 1}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...values, { label: "", score: "" }])} className="text-xs font-medium text-indigo-700">
        + Add label
      </button>
      <div id={errorId} aria-live="polite">
        {duplicates.map((d) => (
          <p key={d.label} className="text-xs text-red-600">
            Each label must be different: &quot;{d.label}&quot; is given {times(d.rows.length)} (labels {list(d.rows)}).
          </p>
        ))}
        {/* The server's word on the labels, unless the duplicate message above already says it. */}
        {error && duplicates.length === 0 ? <p className="text-xs text-red-600">Labels {error}</p> : null}
      </div>
    </fieldset>
  );
}
