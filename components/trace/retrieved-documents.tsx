import type { RetrievedDocument } from "@/lib/spans/openinference";
import { formatScore } from "@/lib/spans/format";
import { JsonView } from "./json-view";
import { ValueView } from "./value-view";

// Documents a retriever or reranker returned. Each card carries an anchor
// (`#document-N`) because document annotations are keyed by this position.
export function RetrievedDocuments({
  documents,
  controls,
}: {
  documents: RetrievedDocument[];
  // Per-position review controls (document relevance), shown in each card.
  controls?: Record<number, React.ReactNode>;
}) {
  return (
    <ol className="space-y-2">
      {documents.map((document) => (
        <li
          key={document.position}
          id={`document-${document.position}`}
          className="rounded-md border border-zinc-200 bg-white"
          aria-label={`Document ${document.position}`}
        >
          <div className="flex items-center gap-2 border-b border-zinc-100 px-3 py-1.5 text-[12px]">
            <span className="font-mono font-semibold text-zinc-500">#{document.position}</span>
            {document.id && <span className="truncate font-mono text-zinc-700" title={document.id}>{document.id}</span>}
            {document.score !== null && (
              <span className="ml-auto rounded bg-amber-50 px-1.5 font-mono text-[11px] text-amber-800 ring-1 ring-amber-200 ring-inset">
                score {formatScore(document.score)}
              </span>
            )}
          </div>
          <div className="max-h-72 overflow-y-auto px-3 py-2">
            {document.content ? <ValueView text={document.content} /> : <p className="text-[12px] text-zinc-400 italic">no content</p>}
          </div>
          {controls?.[document.position] ? (
            <div className="border-t border-zinc-100 bg-zinc-50/60 px-3 py-2">{controls[document.position]}</div>
          ) : null}
          {document.metadata !== null && (
            <details className="border-t border-zinc-100 px-3 py-1.5">
              <summary className="cursor-pointer text-[11px] font-medium text-zinc-500 hover:text-zinc-800">metadata</summary>
              <div className="pt-1">
                <JsonView value={document.metadata} />
              </div>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
