"use client";

import { useState, useTransition } from "react";
import { Field, FormMessage } from "@/components/ui/field";
import { buttonClass } from "@/components/themes/modal";
import type { ActionState } from "@/lib/actions/action-state";
import { createQueueAction } from "@/lib/actions/queues/create-queue";
import { updateQueueAction } from "@/lib/actions/queues/update-queue";
import type { ReviewerChoice } from "@/lib/auth/reviewer-choices";
import type { QueueTargetKind } from "@/lib/queues/queue-types";
import { FieldError, queueInputClass, ReviewersFieldset, RubricsFieldset, type RubricChoice } from "./queue-form-fields";

export type QueueFormValues = {
  name: string;
  instructions: string;
  rubricIds: number[];
  reviewerIds: string[] | null;
  reviewsNeeded: number;
  claimTimeoutMinutes: number;
  // yyyy-mm-dd (the date input's value), or "".
  dueDate: string;
};

export const emptyQueueForm: QueueFormValues = { name: "", instructions: "", rubricIds: [], reviewerIds: null, reviewsNeeded: 1, claimTimeoutMinutes: 15, dueDate: "" };

// Where a new queue's items come from: fixed ids, or a list filter that may also be kept as a rule.
export type NewQueueSource = { kind: "ids"; ids: number[] } | { kind: "filter"; query: string };

type Mode = { kind: "create"; source: NewQueueSource; sourceSummary: string } | { kind: "edit"; queueId: number };

/** The queue's settings: creates a queue (with its source) or edits one. The action redirects to the queue page. */
export function QueueForm({
  projectName,
  targetKind,
  mode,
  rubrics,
  reviewers,
  initial = emptyQueueForm,
}: {
  projectName: string;
  targetKind: QueueTargetKind;
  mode: Mode;
  rubrics: RubricChoice[];
  reviewers: ReviewerChoice[];
  initial?: QueueFormValues;
}) {
  const [values, setValues] = useState(initial);
  const [byRule, setByRule] = useState(false);
  const [state, setState] = useState<ActionState>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const set = <K extends keyof QueueFormValues>(key: K, value: QueueFormValues[K]) => setValues((old) => ({ ...old, [key]: value }));
  const toggleRubric = (id: number) => set("rubricIds", values.rubricIds.includes(id) ? values.rubricIds.filter((other) => other !== id) : [...values.rubricIds, id]);
  const noun = targetKind.toLowerCase();

  const submit = () =>
    startTransition(async () => {
      const queue = {
        name: values.name,
        instructions: values.instructions,
        targetKind,
        rubricIds: values.rubricIds,
        reviewerIds: values.reviewerIds,
        reviewsNeeded: values.reviewsNeeded,
        claimTimeoutMinutes: values.claimTimeoutMinutes,
        // Due at the end of the chosen day (UTC, like every time the app shows).
        dueAt: values.dueDate ? new Date(`${values.dueDate}T23:59:59.000Z`) : null,
      };
      const outcome =
        mode.kind === "create"
          ? await createQueueAction({ projectName, queue, source: mode.source.kind === "filter" && byRule ? { kind: "rule", query: mode.source.query } : mode.source })
          : await updateQueueAction({ projectName, queueId: mode.queueId, queue });
      // Success redirects to the queue page; only failures come back.
      if (outcome) setState(outcome);
    });

  return (
    <form aria-label={mode.kind === "create" ? "New queue" : "Queue settings"} onSubmit={(event) => (event.preventDefault(), submit())} className="max-w-3xl space-y-4 rounded-lg border border-zinc-200 bg-white p-5">
      {mode.kind === "create" ? (
        <fieldset className="space-y-1.5 rounded border border-indigo-100 bg-indigo-50/50 p-3">
          <legend className="px-1 text-sm font-medium text-zinc-700">Items</legend>
          <p data-testid="queue-source" className="text-sm text-zinc-800">
            {mode.sourceSummary}
          </p>
          {mode.source.kind === "filter" ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={byRule} onChange={(event) => setByRule(event.target.checked)} />
              By rule: keep adding new {noun}s that match this filter
            </label>
          ) : null}
        </fieldset>
      ) : null}
      <Field name="name" label="Name" value={values.name} onChange={(event) => set("name", event.target.value)} required maxLength={200} errors={errors?.name} />
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
        Instructions (markdown)
        <textarea
          rows={5}
          value={values.instructions}
          onChange={(event) => set("instructions", event.target.value)}
          aria-invalid={errors?.instructions ? true : undefined}
          aria-describedby="instructions-error"
          placeholder="What reviewers should look for, and how to label it."
          className="rounded border border-zinc-300 px-2.5 py-1.5 text-sm font-normal focus:border-indigo-500"
        />
        <FieldError id="instructions-error" label="Instructions" errors={errors?.instructions} />
      </label>
      <RubricsFieldset rubrics={rubrics} selected={values.rubricIds} onToggle={toggleRubric} errors={errors?.rubricIds} targetNoun={noun} />
      <ReviewersFieldset reviewers={reviewers} chosen={values.reviewerIds} onChange={(chosen) => set("reviewerIds", chosen)} errors={errors?.reviewerIds} />
      <div className="grid gap-4 sm:grid-cols-3">
        <NumberField name="reviewsNeeded" label="Reviews needed per item" min={1} max={20} value={values.reviewsNeeded} onChange={(n) => set("reviewsNeeded", n)} errors={errors?.reviewsNeeded} />
        <NumberField name="claimTimeoutMinutes" label="Claim timeout (minutes)" min={1} max={1440} value={values.claimTimeoutMinutes} onChange={(n) => set("claimTimeoutMinutes", n)} errors={errors?.claimTimeoutMinutes} />
        <Field name="dueAt" label="Due date (optional)" type="date" value={values.dueDate} onChange={(event) => set("dueDate", event.target.value)} errors={errors?.dueAt} />
      </div>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass.primary}>
        {pending ? "Saving…" : mode.kind === "create" ? "Create queue" : "Save settings"}
      </button>
    </form>
  );
}

function NumberField({ name, label, min, max, value, onChange, errors }: { name: string; label: string; min: number; max: number; value: number; onChange: (n: number) => void; errors?: string[] }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
      {label}
      <input
        name={name}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        required
        value={Number.isFinite(value) ? value : ""}
        onChange={(event) => onChange(event.target.valueAsNumber)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={`${name}-error`}
        className={queueInputClass}
      />
      <FieldError id={`${name}-error`} label={label} errors={errors} />
    </label>
  );
}
