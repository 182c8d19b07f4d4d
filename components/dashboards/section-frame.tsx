// A dashboard section: a heading (with a chooser beside it) and its figures, or why they are missing.
export function SectionFrame({ id, title, description, chooser, children }: {
  id: string;
  title: string;
  description?: React.ReactNode;
  chooser?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-zinc-200 pb-2">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-zinc-900">
            {title}
          </h2>
          {description ? <p className="text-xs text-zinc-500">{description}</p> : null}
        </div>
        {chooser}
      </div>
      {children}
    </section>
  );
}

export function SectionProblem({ message }: { message: string }) {
  return <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{message}</p>;
}
