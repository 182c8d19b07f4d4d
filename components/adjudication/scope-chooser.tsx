import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { AdjudicationScopes } from "@/lib/adjudication/adjudication-types";
import { paths } from "@/lib/url";

const openText = (n: number) => (n === 0 ? "no open disagreements" : n === 1 ? "1 open disagreement" : `${n} open disagreements`);

// Before a choice: every queue and rubric of the project, with what is left to settle.
export function ScopeChooser({ project, scopes }: { project: string; scopes: AdjudicationScopes }) {
  const link = "text-indigo-700 underline hover:text-indigo-900";
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="by-queue" className="rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="by-queue" className="font-medium text-zinc-900">By queue</h2>
        {scopes.queues.length ? (
          <ul className="mt-2 space-y-1.5 text-sm">
            {scopes.queues.map((queue) => (
              <li key={queue.id}>
                <Link href={paths.adjudicate(project, `queue=${queue.id}`)} className={link}>
                  {queue.name}
                </Link>
                {queue.archived ? <span className="ml-1 text-xs text-zinc-400">(archived)</span> : null}
                <span className="text-zinc-500"> · {openText(queue.open)}</span>
                {queue.rubrics.length ? <span className="block text-xs text-zinc-400">{queue.rubrics.join(", ")}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-zinc-500">No queues in this project yet.</p>
        )}
      </section>
      <section aria-labelledby="by-rubric" className="rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="by-rubric" className="font-medium text-zinc-900">By rubric</h2>
        {scopes.rubrics.length ? (
          <ul className="mt-2 space-y-1.5 text-sm">
            {scopes.rubrics.map((rubric) => (
              <li key={rubric.name}>
                <Link href={paths.adjudicate(project, `rubric=${encodeURIComponent(rubric.name)}`)} className={`font-mono ${link}`}>
                  {rubric.name}
                </Link>
                <span className="text-xs text-zinc-400"> {rubric.type.toLowerCase()}</span>
                <span className="text-zinc-500"> · {openText(rubric.open)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No rubrics with values">Attach a categorical or continuous rubric to this project first.</EmptyState>
        )}
      </section>
    </div>
  );
}
