"use client";

type Value = { label: string; score: string };
const input = "h-8 rounded border border-zinc-300 bg-white px-2 text-sm focus:border-indigo-500";

// The labels of a categorical rubric, in hotkey order (1, 2, 3 …), each with an optional score.
export function CategoricalValuesEditor({ values, onChange, error }: { values: Value[]; onChange: (values: Value[]) => void; error?: string }) {
  const update = (index: number, patch: Partial<Value>) => onChange(values.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-zinc-700">Labels</legend>
      {values.map((value, index) => (
        <div key={index} className="flex items-center gap-2">
          <kbd className="w-5 text-center font-mono text-xs text-zinc-400">{index + 1}</kbd>
          <input aria-label={`Label ${index + 1}`} className={`${input} flex-1`} value={value.label} onChange={(e) => update(index, { label: e.target.value })} />
          <input aria-label={`Score of label ${index + 1}`} type="number" step="any" placeholder="score" className={`${input} w-24`} value={value.score} onChange={(e) => update(index, { score: e.target.value })} />
          <button type="button" aria-label={`Remove label ${index + 1}`} onClick={() => onChange(values.filter((_, i) => i !== index))} className="text-xs text-zinc-400 hover:text-red-600" disabled={values.length === 1}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...values, { label: "", score: "" }])} className="text-xs font-medium text-indigo-700">
        + Add label
      </button>
      {error ? <p className="text-xs text-red-600">Labels {error}</p> : null}
    </fieldset>
  );
}
