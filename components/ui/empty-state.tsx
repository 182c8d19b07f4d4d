export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
      <p className="font-medium text-zinc-800">{title}</p>
      {children ? <div className="mt-1 text-zinc-500">{children}</div> : null}
    </div>
  );
}
