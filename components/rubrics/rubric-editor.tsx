"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { saveRubricAction } from "@/lib/actions/rubrics/save-rubric";
import type { Rubric } from "@/lib/rubrics/rubric-schemas";
import { CategoricalValuesEditor } from "./categorical-values-editor";
import { RubricPreview } from "./rubric-preview";
import { TargetChoices } from "./target-choices";

type Draft = Pick<Rubric, "name" | "type" | "description" | "optimizationDirection" | "targets" | "spanKinds" | "required"> & {
  values: { label: string; score: string }[];
  lowerBound: string;
  upperBound: string;
};

const input = "h-8 rounded border border-zinc-300 bg-white px-2 text-sm focus:border-indigo-500";
const toNumber = (text: string) => (text.trim() === "" ? null : Number(text));

export function RubricEditor({ rubric, projects, projectIds }: { rubric: Rubric | null; projects: { id: number; name: string }[]; projectIds: number[] }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>({
    name: rubric?.name ?? "", type: rubric?.type ?? "CATEGORICAL", description: rubric?.description ?? "",
    optimizationDirection: rubric?.optimizationDirection ?? "MAXIMIZE", targets: rubric?.targets ?? ["TRACE"], spanKinds: rubric?.spanKinds ?? [],
    required: rubric?.required ?? false,
    values: rubric?.values.map((v) => ({ label: v.label, score: v.score === null ? "" : String(v.score) })) ?? [{ label: "", score: "" }],
    lowerBound: rubric?.lowerBound?.toString() ?? "", upperBound: rubric?.upperBound?.toString() ?? "",
  });
  const [chosenProjects, setChosenProjects] = useState(projectIds);
  const [state, setState] = useState<ActionState<number>>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const values = draft.values.map((v) => ({ label: v.label.trim(), score: toNumber(v.score) }));
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const fieldError = (prefix: string) => Object.entries(errors ?? {}).find(([k]) => k.startsWith(prefix))?.[1]?.[0];

  const save = () =>
    startTransition(async () => {
      const body = {
        name: draft.name, type: draft.type, description: draft.description || null, optimizationDirection: draft.optimizationDirection,
        targets: draft.targets, spanKinds: draft.spanKinds, required: draft.required,
        ...(draft.type === "CATEGORICAL" ? { values } : { lowerBound: toNumber(draft.lowerBound), upperBound: toNumber(draft.upperBound) }),
      };
      const outcome = await saveRubricAction({ id: rubric?.id ?? null, rubric: body, projectIds: chosenProjects });
      setState(outcome);
      if (outcome.status === "success" && !rubric) router.push(`/rubrics/${outcome.data}?created=1`);
    });

  return (
    <div className="grid grid-cols-[minmax(0,1fr)_20rem] gap-8">
      <form aria-label="Rubric" className="space-y-4" onSubmit={(e) => (e.preventDefault(), save())}>
        <FormMessage state={state} />
        <div className="grid grid-cols-3 gap-3">
          <label className="col-span-1 flex flex-col gap-1 text-sm font-medium text-zinc-700">
            Name
            <input className={input} value={draft.name} onChange={(e) => set("name", e.target.value)} required aria-invalid={!!fieldError("rubric.name")} />
            {fieldError("rubric.name") ? <span className="text-xs text-red-600">Name {fieldError("rubric.name")}</span> : null}
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
            Type
            <select className={input} value={draft.type} onChange={(e) => set("type", e.target.value as Draft["type"])} disabled={!!rubric}>
              <option value="CATEGORICAL">Categorical (labels)</option>
              <option value="CONTINUOUS">Continuous (a score)</option>
              <option value="FREEFORM">Free-form (text)</option>
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
            Optimization direction
            <select className={input} value={draft.optimizationDirection} onChange={(e) => set("optimizationDirection", e.target.value as Draft["optimizationDirection"])}>
              <option value="MAXIMIZE">Maximize</option>
              <option value="MINIMIZE">Minimize</option>
              <option value="NONE">None</option>
            </select>
          </label>
        </div>
        {draft.type === "CATEGORICAL" ? (
          <CategoricalValuesEditor values={draft.values} onChange={(v) => set("values", v)} error={fieldError("rubric.values")} />
        ) : draft.type === "CONTINUOUS" ? (
          <div className="flex gap-3">
            <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
              Lower bound
              <input type="number" step="any" className={input} value={draft.lowerBound} onChange={(e) => set("lowerBound", e.target.value)} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
              Upper bound
              <input type="number" step="any" className={input} value={draft.upperBound} onChange={(e) => set("upperBound", e.target.value)} />
              {fieldError("rubric.upperBound") ? <span className="text-xs text-red-600">Upper bound {fieldError("rubric.upperBound")}</span> : null}
            </label>
          </div>
        ) : null}
        <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
          Guidelines (markdown)
          <textarea rows={5} className="rounded border border-zinc-300 px-2 py-1.5 text-sm font-normal" value={draft.description ?? ""} onChange={(e) => set("description", e.target.value)} />
        </label>
        <TargetChoices targets={draft.targets} spanKinds={draft.spanKinds} onChange={(targets, spanKinds) => setDraft((d) => ({ ...d, targets, spanKinds }))} error={fieldError("rubric.targets")} />
        <label className="flex items-start gap-1.5 text-sm text-zinc-700">
          <input type="checkbox" className="mt-1" checked={draft.required} onChange={(e) => set("required", e.target.checked)} />
          <span>
            <span className="font-medium">Required in review mode</span>
            <span className="block text-xs text-zinc-500">Enter moves to the next trace (or session) only once this rubric is given on it.</span>
          </span>
        </label>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-zinc-700">Used in projects</legend>
          {projects.map((project) => (
            <label key={project.id} className="mr-4 inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={chosenProjects.includes(project.id)} onChange={(e) => setChosenProjects((ids) => (e.target.checked ? [...ids, project.id] : ids.filter((id) => id !== project.id)))} />
              {project.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={pending} className="h-9 rounded bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
          {pending ? "Saving…" : rubric ? "Save changes" : "Create rubric"}
        </button>
      </form>
      <aside aria-label="Preview">
        <h2 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Preview</h2>
        <RubricPreview rubric={{ id: 0, name: draft.name, type: draft.type, description: draft.description, values, lowerBound: toNumber(draft.lowerBound), upperBound: toNumber(draft.upperBound), targets: draft.targets, spanKinds: draft.spanKinds, required: draft.required }} />
      </aside>
    </div>
  );
}
