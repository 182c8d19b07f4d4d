"use client";

import { startTransition, useActionState, useId, useRef } from "react";
import { adjudicateAction } from "@/lib/actions/adjudication/adjudicate";
import { idle, type ActionState } from "@/lib/actions/action-state";
import type { Adjudication } from "@/lib/adjudication/adjudicate";
import type { Disagreement } from "@/lib/adjudication/adjudication-types";

type State = ActionState<Adjudication>;

// The lead's final value: one of the rubric's labels (radios: arrows move, 1–9
// pick from anywhere in the card) or a score, and a required reason.
// Ctrl/⌘+Enter in the reason records it.
export function AdjudicationForm({
  projectId,
  item,
  onRecorded,
}: {
  projectId: number;
  item: Disagreement;
  onRecorded: (message: string) => void;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const { rubric, target } = item;
  const [state, formAction, pending] = useActionState<State, FormData>(async (_previous, data) => {
    const result = await adjudicateAction({
      projectId,
      target: { kind: target.kind, id: target.externalId, documentPosition: target.documentPosition ?? undefined },
      rubric: rubric.name,
      label: rubric.type === "CATEGORICAL" ? data.get("label") || null : null,
      score: rubric.type === "CONTINUOUS" ? data.get("score") || null : null,
      reason: data.get("reason"),
    });
    if (result.status === "success") onRecorded(`${target.title}: ${result.message}`);
    return result;
  }, idle);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const current = item.adjudicated;
  return (
    <form
      ref={form}
      // Submitted by hand, not through `action`: React resets a form after its action, which would
      // wipe the reason the lead typed when the value is refused.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      // The server checks the value against the rubric and names the field; the browser's own bubbles would differ.
      noValidate
      aria-label={`Final ${rubric.name} for ${target.title}`}
      className="space-y-2"
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          form.current?.requestSubmit();
        }
      }}
    >
      {rubric.type === "CATEGORICAL" ? (
        <fieldset aria-describedby={errors.label ? `${id}-label-error` : undefined}>
          <legend className="text-xs font-medium text-zinc-600">Final label</legend>
          <div className="mt-1 flex flex-wrap gap-1.5">
            {rubric.values.map((value, index) => (
              <label
                key={value.label}
                className="inline-flex cursor-pointer items-center gap-1.5 rounded border border-zinc-300 bg-white px-2 py-1 text-xs font-medium text-zinc-700 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-600 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-400"
              >
                <input
                  type="radio"
                  name="label"
                  value={value.label}
                  defaultChecked={current?.label === value.label}
                  data-shortcut={index < 9 ? index + 1 : undefined}
                  className="sr-only"
                />
                {index < 9 ? <kbd aria-hidden className="font-mono text-[10px] opacity-60">{index + 1}</kbd> : null}
                {value.label}
              </label>
            ))}
          </div>
          {errors.label ? <p id={`${id}-label-error`} className="mt-1 text-xs text-red-600">Label {errors.label[0]}</p> : null}
        </fieldset>
      ) : (
        <div>
          <label htmlFor={`${id}-score`} className="text-xs font-medium text-zinc-600">
            Final score{rubric.lowerBound != null || rubric.upperBound != null ? ` (${rubric.lowerBound ?? "−∞"} to ${rubric.upperBound ?? "∞"})` : ""}
          </label>
          <input
            id={`${id}-score`}
            name="score"
            type="number"
            step="any"
            min={rubric.lowerBound ?? undefined}
            max={rubric.upperBound ?? undefined}
            defaultValue={current?.score ?? undefined}
            aria-invalid={errors.score ? true : undefined}
            aria-describedby={errors.score ? `${id}-score-error` : undefined}
            className="mt-1 block h-8 w-28 rounded border border-zinc-300 px-2 text-sm tabular-nums text-zinc-900"
          />
          {errors.score ? <p id={`${id}-score-error`} className="mt-1 text-xs text-red-600">Score {errors.score[0]}</p> : null}
        </div>
      )}
      <div>
        <label htmlFor={`${id}-reason`} className="text-xs font-medium text-zinc-600">
          Reason
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          required
          rows={2}
          defaultValue={current?.reason ?? ""}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
          className="mt-1 block w-full rounded border border-zinc-300 px-2 py-1 text-sm text-zinc-900"
        />
        {errors.reason ? <p id={`${id}-reason-error`} className="mt-1 text-xs text-red-600">{errors.reason[0]}</p> : null}
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="h-8 rounded bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          {pending ? "Recording…" : current ? "Change final value" : "Record final value"}
        </button>
        <span aria-live="polite" className="text-xs text-red-600">
          {state.status === "error" && !Object.keys(errors).length ? state.message : null}
        </span>
      </div>
    </form>
  );
}
