// A thin bar: `done` out of `total`, with the numbers beside it.
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div className="flex items-center gap-2">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} className="h-1.5 w-24 overflow-hidden rounded bg-zinc-200">
        <div className="h-full bg-emerald-500" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <span className="tabular-nums text-zinc-700">
        {done.toLocaleString("en-US")} / {total.toLocaleString("en-US")}
      </span>
    </div>
  );
}
