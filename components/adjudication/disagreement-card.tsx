"use client";

import Link from "next/link";
import type { Disagreement } from "@/lib/adjudication/adjudication-types";
import { formatDateTime } from "@/lib/format";
import { paths } from "@/lib/url";
import { AdjudicationForm } from "./adjudication-form";

const valueText = (rubricType: Disagreement["rubric"]["type"], label: string | null, score: number | null) =>
  rubricType === "CATEGORICAL" ? (label ?? "—") : score == null ? "—" : String(score);

/** Where the target opens: its trace (the span selected) or its session. */
export function targetHref(project: string, target: Disagreement["target"]): string | null {
  if (target.traceId) return paths.trace(project, target.traceId, target.kind === "TRACE" ? undefined : (target.spanId ?? undefined));
  if (target.sessionId) return paths.session(project, target.sessionId);
  return null;
}

// One (target, rubric) with every reviewer's value side by side, the notes on
// the target, and the form for the final value.
export function DisagreementCard({
  project,
  projectId,
  item,
  onRecorded,
  cardRef,
}: {
  project: string;
  projectId: number;
  item: Disagreement;
  onRecorded: (message: string) => void;
  cardRef: (element: HTMLElement | null) => void;
}) {
  const { target, rubric } = item;
  const href = targetHref(project, target);
  const noun = target.kind === "SESSION" ? "session" : target.kind === "TRACE" ? "trace" : "span";
  const titleId = `${item.key}-title`.replace(/[^\w-]/g, "-");
  return (
    <article
      ref={cardRef}
      tabIndex={-1}
      data-disagreement={item.key}
      aria-labelledby={titleId}
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 outline-none focus-visible:ring-2 focus-visible:ring-indigo-400"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={titleId} className="font-medium text-zinc-900">
            {target.title}
            {target.documentPosition != null ? ` · document ${target.documentPosition}` : ""}
            <span className="text-zinc-400"> · </span>
            <span className="font-mono text-sm text-indigo-700">{rubric.name}</span>
          </h2>
          {target.preview ? <p className="mt-0.5 truncate text-sm text-zinc-500">{target.preview}</p> : null}
          <p className="mt-0.5 font-mono text-xs text-zinc-400">{target.externalId}</p>
        </div>
        {href ? (
          <Link href={href} target="_blank" rel="noopener" className="shrink-0 text-sm text-indigo-700 underline hover:text-indigo-900">
            Open {noun}<span aria-hidden> ↗</span>
          </Link>
        ) : (
          <span className="text-sm text-zinc-400">{noun} deleted</span>
        )}
      </header>

      <table className="w-full text-sm">
        <caption className="sr-only">Values for {target.title}, {rubric.name}</caption>
        <thead>
          <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500">
            <th scope="col" className="py-1 pr-3 font-medium">Reviewer</th>
            <th scope="col" className="py-1 pr-3 font-medium">Value</th>
            <th scope="col" className="py-1 pr-3 font-medium">Explanation</th>
            <th scope="col" className="py-1 font-medium">When (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {item.values.map((value) => (
            <tr key={value.annotationId} className="border-b border-zinc-100 align-top last:border-0">
              <td className="py-1.5 pr-3 text-zinc-800">{value.reviewer}</td>
              <td className="py-1.5 pr-3">
                <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">{valueText(rubric.type, value.label, value.score)}</span>
              </td>
              <td className="py-1.5 pr-3 whitespace-pre-wrap text-zinc-600">{value.explanation ?? <span className="text-zinc-400">—</span>}</td>
              <td className="py-1.5 whitespace-nowrap text-xs text-zinc-500">{formatDateTime(value.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {item.spread != null ? <p className="text-xs text-zinc-500">Spread {item.spread}</p> : null}

      <section aria-label={`Notes on ${target.title}`}>
        <h3 className="text-xs font-medium text-zinc-600">Notes on the {noun} ({item.notes.length})</h3>
        {item.notes.length ? (
          <ul className="mt-1 space-y-1 text-sm">
            {item.notes.map((note) => (
              <li key={note.id} className="rounded bg-amber-50 px-2 py-1 text-zinc-700">
                <span className="font-medium">{note.author ?? "Someone"}:</span> <span className="whitespace-pre-wrap">{note.text}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {item.adjudicated ? (
        <p className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="final-value">
          Final value <strong className="font-mono">{valueText(rubric.type, item.adjudicated.label, item.adjudicated.score)}</strong>
          {item.adjudicated.by ? ` by ${item.adjudicated.by}` : ""}, {formatDateTime(item.adjudicated.updatedAt)}: {item.adjudicated.reason}
        </p>
      ) : null}
      <AdjudicationForm projectId={projectId} item={item} onRecorded={onRecorded} />
    </article>
  );
}
