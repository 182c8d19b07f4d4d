import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import { FilterSelect, SubmitButton } from "@/components/ui/form-controls";

const statusOptions = [
  { value: "open", label: "Open" },
  { value: "in-progress", label: "In progress" },
  { value: "complete", label: "Complete" },
];

/** Filters of the item table, in the URL (a GET form): status and reviewer. */
export function QueueItemFilters({ status, reviewer, reviewers }: { status?: string; reviewer?: string; reviewers: { id: string; name: string }[] }) {
  return (
    <AutoSubmitForm label="Filter items" className="flex flex-wrap items-end gap-3 pb-2">
      <FilterSelect name="status" label="Status" value={status} options={statusOptions} />
      <FilterSelect name="reviewer" label="Reviewer" value={reviewer} options={reviewers.map((r) => ({ value: r.id, label: r.name }))} />
      <SubmitButton>Apply</SubmitButton>
    </AutoSubmitForm>
  );
}
