"use client";

// A theme's markdown description (it becomes the label guideline when promoted).
export function DescriptionField({ value, onChange, errors, rows }: { value: string; onChange: (value: string) => void; errors?: string[]; rows: number }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
      Description (markdown)
      <textarea
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors ? true : undefined}
        className="rounded border border-zinc-300 px-2.5 py-1.5 text-sm font-normal focus:border-indigo-500"
      />
      {errors ? <span className="text-xs font-normal text-red-600">Description {errors[0]}</span> : null}
    </label>
  );
}
