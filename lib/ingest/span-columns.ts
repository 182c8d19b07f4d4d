import type { SpanKind } from "@/lib/generated/prisma/enums";
import type { Attributes, ParsedSpan } from "./span-input";

const SPAN_KINDS = new Set<SpanKind>([
  "LLM", "CHAIN", "RETRIEVER", "TOOL", "AGENT", "EMBEDDING", "RERANKER", "GUARDRAIL", "EVALUATOR", "UNKNOWN",
]);

function text(attributes: Attributes, key: string): string | null {
  const value = attributes[key];
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function integer(attributes: Attributes, key: string): number | null {
  const value = Number(attributes[key]);
  return attributes[key] !== undefined && Number.isFinite(value) ? Math.round(value) : null;
}

export function spanKindOf(attributes: Attributes): SpanKind {
  const kind = String(attributes["openinference.span.kind"] ?? "").toUpperCase() as SpanKind;
  return SPAN_KINDS.has(kind) ? kind : "UNKNOWN";
}

const DOCUMENT_KEY = /^retrieval\.documents\.(\d+)\.document\./;

// Retrieved documents are numbered from 0; the count is the highest position + 1.
export function documentCountOf(attributes: Attributes): number {
  let count = 0;
  for (const key of Object.keys(attributes)) {
    if (!key.startsWith("retrieval.documents.")) continue; // most keys: skip the regex
    const match = DOCUMENT_KEY.exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

// The columns a span row stores besides the raw attributes.
export function spanColumns(span: ParsedSpan) {
  const a = span.attributes;
  return {
    spanKind: spanKindOf(a),
    inputValue: text(a, "input.value"),
    inputMimeType: text(a, "input.mime_type"),
    outputValue: text(a, "output.value"),
    outputMimeType: text(a, "output.mime_type"),
    promptTokens: integer(a, "llm.token_count.prompt"),
    completionTokens: integer(a, "llm.token_count.completion"),
    totalTokens: integer(a, "llm.token_count.total"),
    documentCount: documentCountOf(a),
    sessionId: text(a, "session.id"),
    userId: text(a, "user.id"),
  };
}
