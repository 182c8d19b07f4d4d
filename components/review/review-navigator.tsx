import Link from "next/link";

type Props = {
  previousHref: string | null;
  nextHref: string | null;
  listHref: string;
  position: number;
  total: string;
  doneByMe: number;
  // What the list holds: "trace" or "session".
  noun?: string;
  // Review mode over traces draws the neighbours from its cache in the browser instead of navigating.
  onFollow?: (event: React.MouseEvent<HTMLAnchorElement>) => void;
};

// Review mode's bar: progress and the neighbours (ReviewKeys follows them on
// j/k, ←/→ or Enter). Over traces, `onFollow` shows them from the browser's
// cache (trace-review-client.tsx); over sessions they are pages: their code is
// prefetched and their data rendered on arrival, since pages shown from a full
// data prefetch did not respond to clicks in Next 16.4 after a refresh.
export function ReviewNavigator({ previousHref, nextHref, listHref, position, total, doneByMe, noun = "trace", onFollow }: Props) {
  const button = "rounded border border-zinc-300 bg-white px-2.5 py-1 text-xs hover:bg-zinc-50";
  return (
    <div className="flex items-center gap-3 border-b border-zinc-200 bg-indigo-50/60 px-4 py-1.5 text-sm">
      <span className="font-semibold text-indigo-900">Review</span>
      <span aria-live="polite" data-testid="review-progress" className="tabular-nums text-zinc-700">
        {position} of {total}
      </span>
      <span className="text-xs text-zinc-500">· done by me {doneByMe}</span>
      <div className="ml-auto flex items-center gap-2">
        {previousHref ? <Link href={previousHref} scroll={false} onClick={onFollow} data-review-previous className={button} aria-keyshortcuts="k ArrowLeft">← Previous (k)</Link> : null}
        {nextHref ? (
          <Link href={nextHref} scroll={false} onClick={onFollow} data-review-next className={button} aria-keyshortcuts="j ArrowRight Enter">Next (j / Enter) →</Link>
        ) : (
          <span className="text-xs text-zinc-500">Last {noun} of the list</span>
        )}
        <Link href={listHref} className="text-xs text-zinc-500 hover:text-zinc-900">Back to list</Link>
        <span className="text-xs text-zinc-400">? for shortcuts</span>
      </div>
    </div>
  );
}
