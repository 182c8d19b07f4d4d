"use client";

import type { Ref } from "react";
import type { ReviewRubric } from "@/lib/review/rubric-values";

// Continuous rubric: a slider and a number box showing the card's draft. Typing
// or arrowing the slider is a change, not a save: Enter (ReviewKeys), Save, or
// letting go of the slider after dragging it saves. Bounds are checked by the
// server, which answers with a field error.
export function ScoreInput({ id, rubric, draft, disabled, inputRef, onDraft, onSave }: {
  id: string;
  rubric: ReviewRubric;
  draft: string;
  disabled: boolean;
  inputRef: Ref<HTMLInputElement>;
  onDraft: (text: string) => void;
  onSave: () => void;
}) {
  const low = rubric.lowerBound ?? 0;
  const high = rubric.upperBound ?? 1;
  const step = high - low <= 1 ? 0.01 : high - low <= 10 ? 0.5 : 1;
  const number = Number(draft);
  const sliderValue = draft.trim() === "" || !Number.isFinite(number) ? low : Math.min(high, Math.max(low, number));
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <input
        type="range"
        aria-label={`${rubric.name} slider`}
        min={low}
        max={high}
        step={step}
        value={sliderValue}
        disabled={disabled}
        onChange={(event) => onDraft(event.target.value)}
        onPointerUp={onSave}
        className="min-w-24 flex-1 accent-indigo-600"
      />
      <label htmlFor={`${id}-score`} className="sr-only">
        {rubric.name} score
      </label>
      {/* Text, not type=number: a digit key starts the score here with the caret after it. */}
      <input
        id={`${id}-score`}
        ref={inputRef}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={draft}
        disabled={disabled}
        onChange={(event) => onDraft(event.target.value)}
        className="h-7 w-14 rounded border border-zinc-300 px-1.5 text-xs tabular-nums"
      />
      <span className="text-[10px] text-zinc-400">
        {low}–{high}
      </span>
      <button type="button" disabled={disabled} onClick={onSave} className="h-7 rounded border border-zinc-300 px-2 text-xs hover:bg-zinc-50">
        Save
      </button>
    </div>
  );
}
