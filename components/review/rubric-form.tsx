"use client";

import { useOptimistic, useRef, useState, useTransition } from "react";
import { clearAnnotationAction } from "@/lib/actions/review/clear-annotation";
import { saveAnnotationAction } from "@/lib/actions/review/save-annotation";
import type { ReviewRubric } from "@/lib/review/rubric-values";
import { CategoricalChoices } from "./categorical-choices";
import { ScoreInput } from "./score-input";
import { toReviewInput, targetKey, type ResultValue, type ReviewTarget } from "./review-target";

export type MyAnnotation = { id: number; label: string | null; score: number | null; explanation: string | null };
type FormError = { message: string; fieldErrors?: Record<string, string[] | undefined> };

// One rubric's form for one target. Saves optimistically: the new value shows at
// once; if the server refuses, it rolls back and the error is shown here.
export function RubricForm({ rubric, target, mine, readOnly, compact = false }: {
  rubric: ReviewRubric;
  target: ReviewTarget;
  mine: MyAnnotation | null;
  readOnly: boolean;
  // Documents: just the choices, no explanation box.
  compact?: boolean;
}) {
  const [shown, setShown] = useOptimistic<ResultValue | null>(mine);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<FormError | null>(null);
  const [explanation, setExplanation] = useState(mine?.explanation ?? "");
  const container = useRef<HTMLFieldSetElement>(null);
  const id = `rubric-${rubric.name}-${targetKey(target)}`;

  const save = (result: ResultValue) =>
    startTransition(async () => {
      setError(null);
      setShown(result);
      const outcome = await saveAnnotationAction(toReviewInput(target, rubric.name, result));
      if (outcome.status === "error") setError(outcome);
    });
  const clear = () =>
    startTransition(async () => {
      if (!mine) return;
      setError(null);
      setShown(null);
      const outcome = await clearAnnotationAction(mine.id);
      if (outcome.status === "error") setError(outcome);
    });
  const withExplanation = (result: ResultValue) => ({ ...result, explanation: explanation.trim() || null });

  const fieldError = (field: string) => error?.fieldErrors?.[field]?.[0];
  return (
    <fieldset
      ref={container}
      data-rubric-form={rubric.name}
      data-categorical={rubric.type === "CATEGORICAL" ? "" : undefined}
      aria-describedby={`${id}-error`}
      className="rounded-md border border-zinc-200 bg-white p-2.5 focus-within:border-indigo-400 focus-within:ring-1 focus-within:ring-indigo-200"
    >
      <legend className="sr-only">{rubric.name}</legend>
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <span className="text-xs font-semibold text-zinc-800" title={rubric.description ?? undefined}>
          {rubric.name}
        </span>
        <span className="text-[10px] text-zinc-400">{pending ? "saving…" : mine ? "saved" : ""}</span>
      </div>
      {rubric.type === "CATEGORICAL" ? (
        <CategoricalChoices name={rubric.name} values={rubric.values} selected={shown?.label ?? null} disabled={readOnly} onPick={(label) => save(withExplanation({ label }))} />
      ) : rubric.type === "CONTINUOUS" ? (
        <ScoreInput id={id} rubric={rubric} value={shown?.score ?? null} disabled={readOnly} onSave={(score) => save(withExplanation({ score }))} />
      ) : null}
      {!readOnly && (!compact || rubric.type === "FREEFORM") ? (
        <div className="mt-2">
          <label htmlFor={`${id}-explanation`} className="sr-only">
            {rubric.type === "FREEFORM" ? rubric.name : `Explanation for ${rubric.name}`}
          </label>
          <textarea
            id={`${id}-explanation`}
            rows={rubric.type === "FREEFORM" ? 2 : 1}
            value={explanation}
            onChange={(event) => setExplanation(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey || rubric.type !== "FREEFORM")) {
                event.preventDefault();
                save(rubric.type === "FREEFORM" ? { explanation } : withExplanation({ label: shown?.label ?? null, score: shown?.score ?? null }));
              }
            }}
            placeholder={rubric.type === "FREEFORM" ? "Write, then Enter with Ctrl/⌘ to save" : "Explanation (optional, Enter saves)"}
            className="w-full resize-y rounded border border-zinc-200 px-2 py-1 text-xs placeholder:text-zinc-400 focus:border-indigo-400"
          />
        </div>
      ) : null}
      <div id={`${id}-error`} aria-live="polite">
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {fieldError("score") ? `Score ${fieldError("score")}` : fieldError("label") ? `Label ${fieldError("label")}` : error.message}
          </p>
        ) : null}
      </div>
      {mine && !readOnly ? (
        <button type="button" onClick={clear} className="mt-1 text-[11px] text-zinc-500 hover:text-red-700">
          Clear my {rubric.name}
        </button>
      ) : null}
    </fieldset>
  );
}
