import { decodeJsonish, prettyJsonText, type JsonValue } from "./json-text";
import {
  attributesUnder,
  indexedGroups,
  numberAttribute,
  textAttribute,
  type FlatAttributes,
} from "./indexed-attributes";

// View models of the OpenInference attributes a reviewer reads. Spec:
// openinference `spec/semantic_conventions.md` and `spec/tool_calling.md`.

export type ToolCall = { id: string | null; name: string | null; arguments: string | null };

export type ChatMessage = {
  role: string;
  name: string | null;
  content: string | null;
  // Set on `tool` messages: which assistant tool call this message answers.
  toolCallId: string | null;
  toolCalls: ToolCall[];
};

export type RetrievedDocument = {
  position: number;
  id: string | null;
  content: string | null;
  score: number | null;
  metadata: JsonValue | null;
};

export type ToolDescription = { name: string | null; description: string | null; parameters: JsonValue | null };

export type TokenCounts = { prompt: number | null; completion: number | null; total: number | null };

function toolCallsOf(message: FlatAttributes): ToolCall[] {
  const calls = indexedGroups(message, "message.tool_calls").map(({ attributes: call }) => {
    const args = textAttribute(call, "tool_call.function.arguments");
    return {
      id: textAttribute(call, "tool_call.id"),
      name: textAttribute(call, "tool_call.function.name"),
      arguments: args === null ? null : prettyJsonText(args),
    };
  });
  // OpenAI's legacy single `function_call`, which older instrumentations still emit.
  const legacyName = textAttribute(message, "message.function_call_name");
  if (legacyName !== null) {
    const args = textAttribute(message, "message.function_call_arguments_json");
    calls.push({ id: null, name: legacyName, arguments: args === null ? null : prettyJsonText(args) });
  }
  return calls;
}

// Multi-part content (`message.contents.K.message_content.*`): text parts are
// joined; images are shown by their URL so the reviewer knows one was there.
function contentOf(message: FlatAttributes): string | null {
  const direct = textAttribute(message, "message.content");
  if (direct !== null) return direct;
  const parts = indexedGroups(message, "message.contents").flatMap(({ attributes: part }) => {
    const text = textAttribute(part, "message_content.text");
    if (text !== null) return [text];
    const image = textAttribute(part, "message_content.image.image.url");
    return image !== null ? [`[image: ${image}]`] : [];
  });
  return parts.length ? parts.join("\n\n") : null;
}

export function llmMessages(attributes: FlatAttributes, direction: "input" | "output"): ChatMessage[] {
  return indexedGroups(attributes, `llm.${direction}_messages`).map(({ attributes: message }) => ({
    role: textAttribute(message, "message.role")?.toLowerCase() ?? "unknown",
    name: textAttribute(message, "message.name"),
    content: contentOf(message),
    toolCallId: textAttribute(message, "message.tool_call_id"),
    toolCalls: toolCallsOf(message),
  }));
}

// `prefix` is `retrieval.documents`, `reranker.input_documents` or
// `reranker.output_documents`. Position is the list index N, which is what
// document annotations refer to (Phoenix's `document_position`).
export function documentsAt(attributes: FlatAttributes, prefix: string): RetrievedDocument[] {
  return indexedGroups(attributes, prefix).map(({ index, attributes: doc }) => ({
    position: index,
    id: textAttribute(doc, "document.id"),
    content: textAttribute(doc, "document.content"),
    score: numberAttribute(doc, "document.score"),
    metadata: decodeJsonish(doc["document.metadata"]),
  }));
}

export function retrievalDocuments(attributes: FlatAttributes): RetrievedDocument[] {
  return documentsAt(attributes, "retrieval.documents");
}

export function rerankerDocuments(attributes: FlatAttributes, which: "input" | "output"): RetrievedDocument[] {
  return documentsAt(attributes, `reranker.${which}_documents`);
}

export function rerankerQuery(attributes: FlatAttributes): string | null {
  return textAttribute(attributes, "reranker.query");
}

export type EmbeddedText = { text: string | null; dimensions: number | null };

// Embedding spans: the texts embedded; vectors are summarised by their length.
export function embeddedTexts(attributes: FlatAttributes): EmbeddedText[] {
  return indexedGroups(attributes, "embedding.embeddings").map(({ attributes: item }) => {
    const vector = item["embedding.vector"];
    return { text: textAttribute(item, "embedding.text"), dimensions: Array.isArray(vector) ? vector.length : null };
  });
}

export function toolDescription(attributes: FlatAttributes): ToolDescription | null {
  const name = textAttribute(attributes, "tool.name");
  const description = textAttribute(attributes, "tool.description");
  const parameters = decodeJsonish(attributes["tool.parameters"]);
  if (name === null && description === null && parameters === null) return null;
  return { name, description, parameters };
}

// Tools offered to the model (`llm.tools.N.tool.json_schema`), decoded.
export function llmTools(attributes: FlatAttributes): JsonValue[] {
  return indexedGroups(attributes, "llm.tools").flatMap(({ attributes: tool }) => {
    const schema = decodeJsonish(tool["tool.json_schema"]);
    return schema === null ? [] : [schema];
  });
}

export function invocationParameters(attributes: FlatAttributes): JsonValue | null {
  return decodeJsonish(attributes["llm.invocation_parameters"]);
}

export function modelName(attributes: FlatAttributes): string | null {
  return (
    textAttribute(attributes, "llm.model_name") ??
    textAttribute(attributes, "embedding.model_name") ??
    textAttribute(attributes, "reranker.model_name")
  );
}

export function tokenCounts(attributes: FlatAttributes): TokenCounts {
  const prompt = numberAttribute(attributes, "llm.token_count.prompt");
  const completion = numberAttribute(attributes, "llm.token_count.completion");
  const total = numberAttribute(attributes, "llm.token_count.total");
  // Some SDKs omit the total; it is the sum by definition.
  const derived = total ?? (prompt !== null || completion !== null ? (prompt ?? 0) + (completion ?? 0) : null);
  return { prompt, completion, total: derived };
}

// `metadata` is a JSON string by convention; some SDKs flatten it instead
// (`metadata.user_tier`), so both shapes are read.
export function spanMetadata(attributes: FlatAttributes): JsonValue | null {
  const whole = decodeJsonish(attributes["metadata"]);
  if (whole !== null) return whole;
  const flattened = attributesUnder(attributes, "metadata");
  return Object.keys(flattened).length ? (flattened as { [key: string]: JsonValue }) : null;
}

export function spanTags(attributes: FlatAttributes): string[] {
  const tags = attributes["tag.tags"];
  if (Array.isArray(tags)) return tags.map(String);
  if (typeof tags === "string") {
    const decoded = decodeJsonish(tags);
    return Array.isArray(decoded) ? decoded.map(String) : [tags];
  }
  return [];
}
