import { formatDateTime } from "@/lib/format";
import type { DeletedAnnotation, ShownAnnotation } from "@/lib/review/target-annotations";

const value = (a: { label: string | null; score: number | null }) =>
  [a.label, a.score !== null ? `score ${a.score}` : null].filter(Boolean).join(" · ") || "—";

// Everyone's labels and scores on a target, each with its history of versions.
export function AnnotationList({ title, annotations }: { title: string; annotations: ShownAnnotation[] }) {
  if (annotations.length === 0) return null;
  return (
    <section aria-label={title} className="space-y-1.5">
      <h3 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
      <ul className="space-y-1.5">
        {annotations.map((a) => (
          <li key={a.id} className="rounded border border-zinc-200 bg-white px-2 py-1.5 text-xs" data-annotation={a.name}>
            <div className="flex items-baseline justify-between gap-2">
              <span>
                <span className="font-medium text-zinc-800">{a.name}</span>
                {a.documentPosition >= 0 ? <span className="text-zinc-400"> · doc {a.documentPosition}</span> : null}
                {": "}
                {a.hidden ? <span className="italic text-zinc-400">hidden until you submit yours</span> : <span className="text-indigo-700">{value(a)}</span>}
              </span>
              <span className="shrink-0 text-[10px] text-zinc-400">{a.source === "APP" ? "app" : "api"} · {a.annotatorKind.toLowerCase()}</span>
            </div>
            {a.explanation ? <p className="mt-0.5 whitespace-pre-wrap text-zinc-600">{a.explanation}</p> : null}
            <div className="mt-0.5 text-[10px] text-zinc-400">
              {a.mine ? "you" : (a.userName ?? (a.identifier || "unknown"))} · {formatDateTime(a.updatedAt)}
            </div>
            {a.history.length > 0 ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-[10px] text-zinc-500 hover:text-zinc-800">History ({a.history.length + 1} versions)</summary>
                <ol className="mt-1 space-y-0.5 border-l border-zinc-200 pl-2 text-[11px] text-zinc-600">
                  <li>
                    <span className="font-medium">now</span>: {value(a)}
                  </li>
                  {a.history.map((h, i) => (
                    <li key={i}>
                      <span className="font-mono text-[10px] text-zinc-400">{formatDateTime(h.at)}</span>: {value(h)}
                      {h.action === "DELETE" ? " (cleared)" : ""}
                      {h.explanation ? ` — ${h.explanation}` : ""}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

const targetWord = { TRACE: "trace", SPAN: "span", DOCUMENT: "document", SESSION: "session" } as const;

// Labels and scores deleted here (over the API, a cleared form, or with a span),
// folded: the history keeps them and who deleted them.
export function DeletedAnnotationList({ deleted }: { deleted: DeletedAnnotation[] }) {
  if (deleted.length === 0) return null;
  return (
    <section aria-label="Deleted annotations" className="text-xs">
      <details>
        <summary className="cursor-pointer text-[11px] font-semibold uppercase tracking-wide text-zinc-500 hover:text-zinc-800">
          Deleted ({deleted.length})
        </summary>
        <ul className="mt-1 space-y-1 border-l border-zinc-200 pl-2 text-[11px] text-zinc-600">
          {deleted.map((d) => (
            <li key={d.historyId} data-deleted-annotation={d.name}>
              <span className="font-medium text-zinc-700 line-through decoration-zinc-400">{d.name}</span>
              <span className="text-zinc-400"> · {d.documentPosition >= 0 ? `doc ${d.documentPosition}` : targetWord[d.targetType]}</span>
              {": "}
              {value(d)}
              <div className="text-[10px] text-zinc-400">
                by {d.mine ? "you" : (d.userName ?? (d.identifier || "unknown"))} · deleted {d.deletedByName ? `by ${d.deletedByName} ` : ""}
                {formatDateTime(d.deletedAt)}
              </div>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
