"use client";

import { useState } from "react";

// The similarity threshold, as a slider with its number; the form is a GET so
// the threshold (and the note filters, kept as hidden fields) live in the URL.
export function ThresholdForm({ threshold, min, max, hidden }: { threshold: number; min: number; max: number; hidden: Record<string, string> }) {
  const [value, setValue] = useState(threshold);
  return (
    <form method="get" aria-label="Grouping" className="space-y-1 rounded-lg border border-zinc-200 bg-white px-4 py-3">
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={name} type="hidden" name={name} value={hiddenValue} />
      ))}
      <div className="flex flex-col gap-1">
        <label htmlFor="threshold-range" className="text-xs font-medium text-zinc-600">
          Similarity threshold
        </label>
        <div className="flex items-center gap-3">
          <input
            id="threshold-range"
            type="range"
            min={min}
            max={max}
            step={0.05}
            value={value}
            onChange={(event) => setValue(Number(event.target.value))}
            aria-describedby="threshold-help"
            className="w-56 accent-indigo-600"
          />
          <input
            type="number"
            name="threshold"
            aria-label="Threshold value"
            min={min}
            max={max}
            step={0.05}
            value={value}
            onChange={(event) => setValue(Number(event.target.value))}
            className="h-8 w-20 rounded border border-zinc-300 px-2 text-sm tabular-nums text-zinc-900"
          />
          <button type="submit" className="h-8 rounded bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700">
            Regroup
          </button>
        </div>
      </div>
      <p id="threshold-help" className="text-xs text-zinc-500">
        Higher keeps only notes that say nearly the same thing together (smaller, tighter groups); lower groups looser.
      </p>
    </form>
  );
}
