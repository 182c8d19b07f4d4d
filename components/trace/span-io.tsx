import type { TraceSpan } from "@/lib/traces/get-trace-detail";
import {
  embeddedTexts,
  llmMessages,
  rerankerDocuments,
  rerankerQuery,
  retrievalDocuments,
  toolDescription,
} from "@/lib/spans/openinference";
import { ChatMessages } from "./chat-messages";
import { DetailSection } from "./detail-section";
import { JsonView } from "./json-view";
import { RetrievedDocuments } from "./retrieved-documents";
import { SpanContextSections } from "./span-context-sections";
import { ValueView } from "./value-view";

function Value({ text, mimeType }: { text: string | null; mimeType: string | null }) {
  if (text === null || text === "") return <p className="text-[12px] text-zinc-400 italic">empty</p>;
  return <ValueView text={text} mimeType={mimeType} />;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

// What a reviewer reads first: input and output, shaped by span kind. LLM
// messages win over the raw `input.value`, which repeats them as JSON.
export function SpanIo({ span, documentControls }: { span: TraceSpan; documentControls?: Record<number, React.ReactNode> }) {
  const a = span.attributes;
  const inputMessages = llmMessages(a, "input");
  const outputMessages = llmMessages(a, "output");
  const documents = retrievalDocuments(a);
  const rerankInput = rerankerDocuments(a, "input");
  const reranked = rerankerDocuments(a, "output");
  const embeddings = embeddedTexts(a);
  const tool = toolDescription(a);
  const query = span.inputValue === null ? rerankerQuery(a) : null;
  const hasInput = inputMessages.length > 0 || span.inputValue !== null || query !== null;
  const hasOutput = outputMessages.length > 0 || span.outputValue !== null;
  const isEmpty =
    !hasInput && !hasOutput && !tool && documents.length + rerankInput.length + reranked.length + embeddings.length === 0;

  return (
    <div>
      {tool && (
        <DetailSection title="Tool">
          <p className="font-mono text-[13px] font-semibold text-zinc-900">{tool.name ?? "(unnamed)"}</p>
          {tool.description && <p className="mt-1 text-[12px] text-zinc-600">{tool.description}</p>}
          {tool.parameters !== null && (
            <div className="mt-2">
              {typeof tool.parameters === "string" ? <Value text={tool.parameters} mimeType={null} /> : <JsonView value={tool.parameters} />}
            </div>
          )}
        </DetailSection>
      )}
      {hasInput && (
        <DetailSection title={query !== null ? "Query" : "Input"} aside={inputMessages.length ? plural(inputMessages.length, "message") : span.inputMimeType}>
          {inputMessages.length ? (
            <ChatMessages messages={inputMessages} />
          ) : (
            <Value text={span.inputValue ?? query} mimeType={span.inputMimeType} />
          )}
        </DetailSection>
      )}
      {embeddings.length > 0 && (
        <DetailSection title="Embedded texts" aside={plural(embeddings.length, "text")}>
          <ol className="space-y-1.5">
            {embeddings.map((item, index) => (
              <li key={index} className="flex gap-2 text-[13px]">
                <span className="font-mono text-[11px] text-zinc-400">#{index}</span>
                <span className="min-w-0 flex-1 whitespace-pre-wrap break-words text-zinc-800">{item.text ?? "—"}</span>
                {item.dimensions !== null && <span className="font-mono text-[11px] text-zinc-400">{item.dimensions}d</span>}
              </li>
            ))}
          </ol>
        </DetailSection>
      )}
      {documents.length > 0 && (
        <DetailSection title="Retrieved documents" aside={plural(documents.length, "document")}>
          <RetrievedDocuments documents={documents} controls={documentControls} />
        </DetailSection>
      )}
      {rerankInput.length > 0 && (
        <DetailSection title="Reranker input" aside={plural(rerankInput.length, "document")} folded>
          <RetrievedDocuments documents={rerankInput} />
        </DetailSection>
      )}
      {reranked.length > 0 && (
        <DetailSection title="Reranked documents" aside={plural(reranked.length, "document")}>
          <RetrievedDocuments documents={reranked} />
        </DetailSection>
      )}
      {hasOutput && (
        <DetailSection title="Output" aside={outputMessages.length ? plural(outputMessages.length, "message") : span.outputMimeType}>
          {outputMessages.length ? <ChatMessages messages={outputMessages} /> : <Value text={span.outputValue} mimeType={span.outputMimeType} />}
        </DetailSection>
      )}
      {isEmpty && <p className="border-b border-zinc-200 px-4 py-3 text-[12px] text-zinc-400">This span recorded no input or output.</p>}
      <SpanContextSections attributes={a} />
    </div>
  );
}
