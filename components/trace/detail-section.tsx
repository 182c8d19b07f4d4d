import type { ReactNode } from "react";

// A titled block of the span detail. `folded` sections start closed: they hold
// context (tool schemas, invocation parameters) rather than what is reviewed.
export function DetailSection({
  title,
  aside,
  folded = false,
  children,
}: {
  title: string;
  aside?: ReactNode;
  folded?: boolean;
  children: ReactNode;
}) {
  return (
    <details open={!folded} className="group border-b border-zinc-200 last:border-b-0">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-2 select-none hover:bg-zinc-50 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="w-3 text-zinc-400 transition-transform group-open:rotate-90">›</span>
        <h3 className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">{title}</h3>
        {aside && <span className="ml-auto text-[11px] text-zinc-400">{aside}</span>}
      </summary>
      <div className="px-4 pb-3">{children}</div>
    </details>
  );
}
