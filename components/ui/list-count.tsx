import { formatCappedCount, type CappedCount } from "@/lib/pagination/capped-count";

// How many rows the filters match, above a list ("1,000+" past the cap).
export function ListCount({ count, noun }: { count: CappedCount; noun: string }) {
  return (
    <p data-testid="list-count" aria-live="polite" className="text-sm tabular-nums text-zinc-600">
      {formatCappedCount(count, noun)}
    </p>
  );
}
