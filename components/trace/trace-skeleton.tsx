// Mirrors the trace page's three columns so nothing jumps when it arrives.
// A Suspense fallback inside the page, not a route `loading.tsx`: that would
// send the 200 status with it before the page knows whether the trace exists.
export function TraceSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <div className="border-b border-zinc-200 bg-white px-4 py-2">
        <div className="h-4 w-64 animate-pulse rounded bg-zinc-200" />
        <div className="mt-2 h-3 w-96 animate-pulse rounded bg-zinc-100" />
      </div>
      <div className="grid grid-cols-[minmax(18rem,26rem)_minmax(0,1fr)] xl:grid-cols-[minmax(20rem,28rem)_minmax(0,1fr)_20rem]">
        <div className="h-[calc(100vh-2.75rem)] space-y-2 border-r border-zinc-200 bg-white p-3">
          {Array.from({ length: 9 }, (_, i) => (
            <div key={i} className="h-6 animate-pulse rounded bg-zinc-100" style={{ marginLeft: `${Math.min(i, 3) * 14}px` }} />
          ))}
        </div>
        <div className="space-y-3 bg-white p-4">
          <div className="h-5 w-48 animate-pulse rounded bg-zinc-200" />
          <div className="h-24 animate-pulse rounded bg-zinc-100" />
          <div className="h-40 animate-pulse rounded bg-zinc-100" />
        </div>
        <div className="hidden border-l border-zinc-200 bg-zinc-50 xl:block" />
      </div>
      <span className="sr-only">Loading trace…</span>
    </div>
  );
}
