"use client";

import { useState } from "react";
import type { ReviewRubric } from "@/lib/review/rubric-values";

// Continuous rubric: a slider and a number field kept in step; Enter or Save
// submits. Bounds are checked by the server, which answers with a field error.
export function ScoreInput({ id, rubric, value, disabled, onSave }: { id: string; rubric: ReviewRubric; value: number | null; disabled: boolean; onSave: (score: number) => void }) {
  const low = rubric.lowerBound ?? 0;
  const high = rubric.upperBound ?? 1;
  const [draft, setDraft] = useState(value === null ? "" : String(value));
  const step = high - low <= 1 ? 0.01 : high - low <= 10 ? 0.5 : 1;
  const submit = () => {
    const score = Number(draft);
    if (draft.trim() !== "" && !Number.isNaN(score)) onSave(score);
  };
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <input
        type="range"
        aria-label={`${rubric.name} slider`}
        min={low}
        max={high}
        step={step}
        value={draft === "" ? low : Math.min(high, Math.max(low, Number(draft)))}
        disabled={disabled}
        onChange={(event) => setDraft(event.target.value)}
        onPointerUp={submit}
        className="min-w-24 flex-1 accent-indigo-600"
      />
      <label htmlFor={`${id}-score`} className="sr-only">
        {rubric.name} score
      </label>
      <input
        id={`${id}-score`}
        type="number"
        inputMode="decimal"
        step="any"
        value={draft}
        disabled={disabled}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            submit();
          }
        }}
        className="h-7 w-14 rounded border border-zinc-300 px-1.5 text-xs tabular-nums"
      />
      <span className="text-[10px] text-zinc-400">
        {low}–{high}
      </span>
      <button type="button" disabled={disabled} onClick={submit} className="h-7 rounded border border-zinc-300 px-2 text-xs hover:bg-zinc-50">
        Save
      </button>
    </div>
  );
}
