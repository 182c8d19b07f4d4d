"use client";

import type { ReviewerChoice } from "@/lib/auth/reviewer-choices";

// The pieces of the queue form: fieldsets of checkboxes whose errors are tied to them.
export type RubricChoice = { id: number; name: string; type: string; description: string | null };

const inputClass = "h-9 rounded border border-zinc-300 bg-white px-2.5 text-sm font-normal focus:border-indigo-500 aria-invalid:border-red-500";
export { inputClass as queueInputClass };

export function FieldError({ id, label, errors }: { id: string; label: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errors?.map((error) => (
        <p key={error} className="text-xs font-normal text-red-600">
          {label} {error}
        </p>
      ))}
    </div>
  );
}

export function RubricsFieldset({
  rubrics,
  selected,
  onToggle,
  errors,
  targetNoun,
}: {
  rubrics: RubricChoice[];
  selected: number[];
  onToggle: (id: number) => void;
  errors?: string[];
  targetNoun: string;
}) {
  return (
    <fieldset className="space-y-1.5" aria-describedby="rubricIds-error" aria-invalid={errors ? true : undefined}>
      <legend className="text-sm font-medium text-zinc-700">Rubrics to apply</legend>
      {rubrics.length === 0 ? (
        <p className="text-sm text-zinc-500">No rubric of this project applies to {targetNoun}s. Attach one in the project&apos;s settings first.</p>
      ) : (
        <ul className="grid gap-1 sm:grid-cols-2">
          {rubrics.map((rubric) => (
            <li key={rubric.id}>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" checked={selected.includes(rubric.id)} onChange={() => onToggle(rubric.id)} className="mt-0.5" />
                <span>
                  <span className="font-medium text-zinc-900">{rubric.name}</span> <span className="text-xs text-zinc-500">{rubric.type.toLowerCase()}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <FieldError id="rubricIds-error" label="Rubrics" errors={errors} />
    </fieldset>
  );
}

export function ReviewersFieldset({
  reviewers,
  chosen,
  onChange,
  errors,
}: {
  reviewers: ReviewerChoice[];
  // null: every reviewer may work the queue.
  chosen: string[] | null;
  onChange: (chosen: string[] | null) => void;
  errors?: string[];
}) {
  const toggle = (id: string) => onChange(chosen?.includes(id) ? chosen.filter((other) => other !== id) : [...(chosen ?? []), id]);
  return (
    <fieldset className="space-y-1.5" aria-describedby="reviewerIds-error">
      <legend className="text-sm font-medium text-zinc-700">Reviewers allowed</legend>
      <div className="flex gap-4 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="radio" name="reviewers-mode" checked={chosen === null} onChange={() => onChange(null)} />
          All reviewers
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="reviewers-mode" checked={chosen !== null} onChange={() => onChange(chosen ?? [])} />
          Only these
        </label>
      </div>
      {chosen !== null ? (
        <ul className="grid max-h-48 gap-1 overflow-y-auto rounded border border-zinc-200 p-2 sm:grid-cols-2" aria-label="Reviewers">
          {reviewers.map((reviewer) => (
            <li key={reviewer.id}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={chosen.includes(reviewer.id)} onChange={() => toggle(reviewer.id)} />
                <span className="text-zinc-900">{reviewer.name}</span>
                <span className="truncate text-xs text-zinc-500">{reviewer.email}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <FieldError id="reviewerIds-error" label="Reviewers" errors={errors} />
    </fieldset>
  );
}
