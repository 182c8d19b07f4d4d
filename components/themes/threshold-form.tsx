"use client";

import { useState } from "react";

// The similarity threshold, as a slider with its number; the form is a GET so
// the threshold (and the note filters, kept as hidden fields) live in the URL.
export function ThresholdForm({ threshold, min, max, hidden }: { threshold: number; min: number; max: number; hidden: Record<string, string> }) {
  const [value, setValue] = useState(threshold);
  return (
    <form method="get" aria-label="Grouping" className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3">
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={name} type="hidden" name={name} value={hiddenValue} />
      ))}
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
        Similarity threshold
        <input
          type="range"
          min={min}
          max={max}
          step={0.05}
          value={value}
          onChange={(event) => setValue(Number(event.target.value))}
          aria-describedby="threshold-help"
          className="w-56 accent-indigo-600"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
        Threshold value
        <input
          type="number"
          name="threshold"
          min={min}
          max={max}
          step={0.05}
          value={value}
          onChange={(event) => setValue(Number(event.target.value))}
          className="h-8 w-20 rounded border border-zinc-300 px-2 text-sm font-normal tabular-nums text-zinc-900"
        />
      </label>
      <button type="submit" className="h-8 rounded bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700">
        Regroup
      </button>
      <p id="threshold-help" className="basis-full text-xs text-zinc-500">
        Higher keeps only notes that say nearly the same thing together (smaller, tighter groups); lower groups looser.
      </p>
    </form>
  );
}
