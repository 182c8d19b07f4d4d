"use client";

import { useState } from "react";
import { MarkdownView } from "@/components/trace/markdown-view";
import { CategoricalChoices } from "@/components/review/categorical-choices";
import { ScoreInput } from "@/components/review/score-input";
import type { ReviewRubric } from "@/lib/review/rubric-values";

// What a reviewer will see: the same controls as the review panel, saving nothing.
export function RubricPreview({ rubric }: { rubric: ReviewRubric }) {
  const [score, setScore] = useState("");
  return (
    <div className="space-y-3">
      <div className="rounded-md border border-zinc-200 bg-white p-2.5" aria-label="Form preview" role="group">
        <div className="mb-1.5 text-xs font-semibold text-zinc-800">{rubric.name || "(unnamed)"}</div>
        {rubric.type === "CATEGORICAL" ? (
          <CategoricalChoices name={`${rubric.name} preview`} values={rubric.values.filter((v) => v.label)} selected={null} disabled={false} onPick={() => {}} />
        ) : rubric.type === "CONTINUOUS" ? (
          <ScoreInput id="preview" rubric={rubric} draft={score} disabled={false} inputRef={null} onDraft={setScore} onSave={() => {}} />
        ) : null}
        <textarea rows={rubric.type === "FREEFORM" ? 2 : 1} placeholder={rubric.type === "FREEFORM" ? "Free-form answer" : "Explanation (optional)"} aria-label="Preview text" className="mt-2 w-full rounded border border-zinc-200 px-2 py-1 text-xs" />
      </div>
      {rubric.description ? (
        <div className="rounded-md border border-zinc-200 bg-white p-2.5">
          <div className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Guidelines</div>
          <MarkdownView text={rubric.description} />
        </div>
      ) : null}
    </div>
  );
}
