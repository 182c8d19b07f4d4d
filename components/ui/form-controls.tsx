// Small, dense filter controls shared by the list pages.

/** The time ranges every list offers (the keys of `timeRanges`). */
export const rangeOptions = [
  { value: "1h", label: "Last hour" },
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
];

export const dirOptions = [
  { value: "desc", label: "Descending" },
  { value: "asc", label: "Ascending" },
];

export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel = "Any",
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  anyLabel?: string | null;
}) {
  return (
    <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className="h-8 rounded border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-indigo-500"
      >
        {anyLabel !== null ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SubmitButton({ children }: { children: React.ReactNode }) {
  return (
    <button type="submit" className="h-8 rounded bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700">
      {children}
    </button>
  );
}

export const optionsOf = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
