"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { isRequired } from "@/lib/review/card-state";
import type { ReviewRubric } from "@/lib/review/rubric-values";
import { CategoricalChoices } from "./categorical-choices";
import { Guidelines, GuidelinesToggle, RefusalNote, RubricStatus } from "./rubric-card-parts";
import { registerCard } from "./rubric-cards";
import { targetKey, type ReviewTarget } from "./review-target";
import { ScoreInput } from "./score-input";
import { useRubricDraft, type MyAnnotation } from "./use-rubric-draft";

export type { MyAnnotation };

// One rubric's card for one target. The keys that act across cards (Tab, digits,
// Enter, g, e: ReviewKeys) reach it through the card registry. A label is saved
// when picked; scores and text are drafts until Enter (or Save) saves them, and
// the card says which: unsaved changes, saving, saved or refused.
export function RubricForm({ rubric, target, mine, readOnly, compact = false, required: requiredHere }: {
  rubric: ReviewRubric;
  target: ReviewTarget;
  mine: MyAnnotation | null;
  readOnly: boolean;
  // Documents: just the choices, no explanation box.
  compact?: boolean;
  // Review mode bound to a queue decides instead of the rubric: its rubrics on its target, nothing else.
  required?: boolean;
}) {
  const hasText = !readOnly && (!compact || rubric.type === "FREEFORM");
  const required = requiredHere ?? isRequired(rubric, target.type);
  const card = useRubricDraft(rubric, target, mine, hasText, required);
  const [guidelinesOpen, setGuidelinesOpen] = useState(false);
  const container = useRef<HTMLFieldSetElement>(null);
  const scoreBox = useRef<HTMLInputElement>(null);
  const textBox = useRef<HTMLTextAreaElement>(null);
  const latest = useRef(card);
  useLayoutEffect(() => {
    latest.current = card;
  });
  const id = `rubric-${rubric.name}-${targetKey(target)}`;

  // A layout effect, not a passive one: the card takes keys in the very commit
  // that draws it (review mode draws the next trace from its cache; a passive
  // effect left an instant when the card showed but a digit was lost).
  useLayoutEffect(() => {
    const element = container.current;
    if (!element || readOnly) return;
    const holdFocus = () => {
      if (!element.contains(document.activeElement)) element.focus();
    };
    return registerCard(element, {
      name: rubric.name,
      required,
      needs: rubric.type === "CATEGORICAL" ? "a label" : rubric.type === "CONTINUOUS" ? "a score" : "text",
      takesDigits: rubric.type !== "FREEFORM",
      given: () => latest.current.given(),
      flush: () => latest.current.flush(),
      refusal: () => latest.current.reason(),
      focus: () => (rubric.type === "FREEFORM" && textBox.current ? textBox.current : element).focus(),
      digit: (key) => {
        if (rubric.type === "CATEGORICAL") {
          const value = rubric.values[Number(key) - 1];
          if (!value) return false;
          holdFocus();
          void latest.current.pick(value.label);
          return true;
        }
        const box = scoreBox.current;
        if (rubric.type !== "CONTINUOUS" || !box) return false;
        // The digit starts a new score in the box, caret after it, so typing goes on.
        flushSync(() => latest.current.setDraft({ score: key }));
        box.focus();
        box.setSelectionRange(key.length, key.length);
        return true;
      },
      focusExplanation: () => {
        textBox.current?.focus();
        return Boolean(textBox.current);
      },
      toggleGuidelines: () => {
        if (!rubric.description) return false;
        holdFocus();
        setGuidelinesOpen((open) => !open);
        return true;
      },
    });
  }, [readOnly, required, rubric]);

  return (
    <fieldset
      ref={container}
      tabIndex={-1}
      data-rubric-form={rubric.name}
      data-categorical={rubric.type === "CATEGORICAL" ? "" : undefined}
      aria-describedby={`${id}-error`}
      className="rounded-md border border-zinc-200 bg-white p-2.5 outline-none focus-within:border-indigo-500 focus-within:bg-indigo-50/40 focus-within:ring-2 focus-within:ring-indigo-300"
    >
      <legend className="sr-only">{rubric.name}</legend>
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <span className="flex items-center gap-1.5">
          <span className="text-xs font-semibold text-zinc-800">{rubric.name}</span>
          {rubric.description ? <GuidelinesToggle open={guidelinesOpen} controls={`${id}-guidelines`} onToggle={() => setGuidelinesOpen((open) => !open)} /> : null}
        </span>
        <RubricStatus status={readOnly ? "empty" : card.status} />
      </div>
      {rubric.description ? <Guidelines id={`${id}-guidelines`} name={rubric.name} text={rubric.description} open={guidelinesOpen} /> : null}
      {rubric.type === "CATEGORICAL" ? (
        <CategoricalChoices name={rubric.name} values={rubric.values} selected={card.shownLabel} disabled={readOnly} onPick={(label) => void card.pick(label)} />
      ) : rubric.type === "CONTINUOUS" ? (
        <ScoreInput id={id} rubric={rubric} draft={card.draft.score} disabled={readOnly} inputRef={scoreBox} onDraft={(score) => card.setDraft({ score })} onSave={() => void card.flush()} />
      ) : null}
      {hasText ? (
        <div className="mt-2">
          <label htmlFor={`${id}-explanation`} className="sr-only">
            {rubric.type === "FREEFORM" ? rubric.name : `Explanation for ${rubric.name}`}
          </label>
          {/* Enter saves (ReviewKeys, for every card at once); Shift+Enter is a new line. */}
          <textarea
            id={`${id}-explanation`}
            ref={textBox}
            rows={rubric.type === "FREEFORM" ? 2 : 1}
            value={card.draft.explanation}
            onChange={(event) => card.setDraft({ explanation: event.target.value })}
            placeholder={rubric.type === "FREEFORM" ? "Write, Enter saves (Shift+Enter: new line)" : "Explanation (optional, Enter saves)"}
            className="w-full resize-y rounded border border-zinc-200 px-2 py-1 text-xs placeholder:text-zinc-400 focus:border-indigo-400"
          />
        </div>
      ) : null}
      <div id={`${id}-error`} aria-live="polite">
        <RefusalNote refusal={card.refusal} />
      </div>
      {card.stored && !readOnly ? (
        <button type="button" onClick={card.clear} className="mt-1 text-[11px] text-zinc-500 hover:text-red-700">
          Clear my {rubric.name}
        </button>
      ) : null}
    </fieldset>
  );
}
