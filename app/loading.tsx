export default function Loading() {
  return (
    <div className="px-4 py-6" aria-busy="true" aria-live="polite">
      <div className="h-5 w-40 animate-pulse rounded bg-zinc-200" />
      <div className="mt-4 space-y-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-8 animate-pulse rounded bg-zinc-100" />
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
