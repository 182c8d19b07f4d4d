import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import { FilterSelect, optionsOf } from "@/components/ui/form-controls";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { dashboardParams } from "@/lib/dashboards/dashboard-query";

/** Picks the rubric of a section (`name`: session or rubric), keeping every other filter. */
export function RubricChooser({ name, label, value, choices, filters }: {
  name: "session" | "rubric";
  label: string;
  value: string | undefined;
  choices: string[];
  filters: DashboardFilters;
}) {
  if (choices.length === 0) return null;
  return (
    <AutoSubmitForm label={`Choose the ${label.toLowerCase()}`} className="flex items-end gap-2">
      {dashboardParams(filters, { [name]: undefined }).map(([key, v]) => (
        <input key={key} type="hidden" name={key} value={v} />
      ))}
      <FilterSelect name={name} label={label} value={value} options={optionsOf(choices)} anyLabel={null} />
      <noscript>
        <button type="submit" className="h-8 rounded border border-zinc-300 px-2 text-sm">
          Show
        </button>
      </noscript>
    </AutoSubmitForm>
  );
}
