"use client";

import { useRef } from "react";
import type { CategoricalValue } from "@/lib/review/rubric-values";

// A rubric's labels as one radio group: one tab stop (roving tabindex), arrows
// move, number keys 1–9 pick (handled by the form), a click picks and saves.
export function CategoricalChoices({
  name,
  values,
  selected,
  disabled,
  onPick,
}: {
  name: string;
  values: CategoricalValue[];
  selected: string | null;
  disabled: boolean;
  onPick: (label: string) => void;
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const selectedIndex = Math.max(0, values.findIndex((v) => v.label === selected));
  const move = (from: number, delta: number) => buttons.current[(from + delta + values.length) % values.length]?.focus();
  return (
    <div role="radiogroup" aria-label={name} className="flex flex-wrap gap-1.5">
      {values.map((value, index) => {
        const checked = value.label === selected;
        return (
          <button
            key={value.label}
            ref={(el) => {
              buttons.current[index] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={index === selectedIndex ? 0 : -1}
            disabled={disabled}
            onClick={() => onPick(value.label)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight" || event.key === "ArrowDown") move(index, 1);
              else if (event.key === "ArrowLeft" || event.key === "ArrowUp") move(index, -1);
              else return;
              event.preventDefault();
            }}
            className={`inline-flex items-center gap-1.5 rounded border px-2 py-1 text-xs font-medium transition-colors ${
              checked
                ? "border-indigo-600 bg-indigo-600 text-white"
                : "border-zinc-300 bg-white text-zinc-700 hover:border-indigo-400 hover:bg-indigo-50"
            } disabled:cursor-not-allowed disabled:opacity-50`}
          >
            {index < 9 ? (
              <kbd className={`font-mono text-[10px] ${checked ? "text-indigo-200" : "text-zinc-400"}`}>{index + 1}</kbd>
            ) : null}
            {value.label}
          </button>
        );
      })}
    </div>
  );
}
