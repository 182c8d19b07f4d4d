import { describe, expect, it } from "vitest";
import {
  embeddedTexts,
  llmMessages,
  llmTools,
  modelName,
  rerankerDocuments,
  rerankerQuery,
  retrievalDocuments,
  spanMetadata,
  spanTags,
  tokenCounts,
  toolDescription,
} from "./openinference";
import { spanEvents, spanExceptions } from "./span-events";
import { formatValue } from "./value-format";
import { formatDuration, formatScore } from "./format";

const llmSpan = {
  "llm.model_name": "gpt-4o-mini",
  "llm.input_messages.0.message.role": "system",
  "llm.input_messages.0.message.content": "You are a support bot.",
  "llm.input_messages.1.message.role": "user",
  "llm.input_messages.1.message.content": "How do I reset my password?",
  "llm.input_messages.2.message.role": "tool",
  "llm.input_messages.2.message.tool_call_id": "call_1",
  "llm.input_messages.2.message.content": "{\"ok\":true}",
  // Ten or more messages must sort numerically, not as strings.
  "llm.input_messages.10.message.role": "user",
  "llm.input_messages.10.message.content": "last",
  "llm.output_messages.0.message.role": "Assistant",
  "llm.output_messages.0.message.tool_calls.0.tool_call.id": "call_2",
  "llm.output_messages.0.message.tool_calls.0.tool_call.function.name": "search_kb",
  "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments": "{\"query\":\"reset\",\"k\":3}",
  "llm.output_messages.0.message.tool_calls.1.tool_call.function.name": "noop",
  "llm.token_count.prompt": 120,
  "llm.token_count.completion": "30",
};

describe("llmMessages", () => {
  it("rebuilds input messages in numeric order", () => {
    const messages = llmMessages(llmSpan, "input");
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "tool", "user"]);
    expect(messages[1].content).toBe("How do I reset my password?");
    expect(messages[2].toolCallId).toBe("call_1");
    expect(messages[3].content).toBe("last");
  });

  it("reads tool calls with pretty-printed arguments", () => {
    const [message] = llmMessages(llmSpan, "output");
    expect(message.role).toBe("assistant");
    expect(message.content).toBeNull();
    expect(message.toolCalls).toEqual([
      { id: "call_2", name: "search_kb", arguments: '{\n  "query": "reset",\n  "k": 3\n}' },
      { id: null, name: "noop", arguments: null },
    ]);
  });

  it("joins multi-part content and keeps invalid JSON arguments as text", () => {
    const [message] = llmMessages(
      {
        "llm.input_messages.0.message.role": "user",
        "llm.input_messages.0.message.contents.0.message_content.type": "text",
        "llm.input_messages.0.message.contents.0.message_content.text": "What is this?",
        "llm.input_messages.0.message.contents.1.message_content.image.image.url": "https://x/y.png",
        "llm.input_messages.0.message.function_call_name": "f",
        "llm.input_messages.0.message.function_call_arguments_json": "{not json",
      },
      "input",
    );
    expect(message.content).toBe("What is this?\n\n[image: https://x/y.png]");
    expect(message.toolCalls).toEqual([{ id: null, name: "f", arguments: "{not json" }]);
  });

  it("returns nothing for spans without messages", () => {
    expect(llmMessages({ "input.value": "hi" }, "input")).toEqual([]);
  });
});

describe("documents", () => {
  const attributes = {
    "retrieval.documents.0.document.id": "kb-12",
    "retrieval.documents.0.document.content": "Go to Settings.",
    "retrieval.documents.0.document.score": 0.8123,
    "retrieval.documents.0.document.metadata": "{\"source\":\"faq.md\"}",
    "retrieval.documents.1.document.id": 7,
    "retrieval.documents.1.document.content": "Other",
    "reranker.output_documents.0.document.id": "kb-12",
    "reranker.output_documents.0.document.score": "0.9",
  };

  it("reads retrieval documents with position, id, score and decoded metadata", () => {
    expect(retrievalDocuments(attributes)).toEqual([
      { position: 0, id: "kb-12", content: "Go to Settings.", score: 0.8123, metadata: { source: "faq.md" } },
      { position: 1, id: "7", content: "Other", score: null, metadata: null },
    ]);
  });

  it("reads reranker output documents", () => {
    expect(rerankerDocuments(attributes, "output")).toEqual([
      { position: 0, id: "kb-12", content: null, score: 0.9, metadata: null },
    ]);
    expect(rerankerDocuments(attributes, "input")).toEqual([]);
  });
});

describe("span facts", () => {
  it("reads the model and token counts, deriving a missing total", () => {
    expect(modelName(llmSpan)).toBe("gpt-4o-mini");
    expect(modelName({ "embedding.model_name": "text-embedding-3-small" })).toBe("text-embedding-3-small");
    expect(tokenCounts(llmSpan)).toEqual({ prompt: 120, completion: 30, total: 150 });
    expect(tokenCounts({})).toEqual({ prompt: null, completion: null, total: null });
  });

  it("reads tools and offered tool schemas", () => {
    expect(toolDescription({ "tool.name": "lookup_order", "tool.parameters": "{\"order_id\":\"A1\"}" })).toEqual({
      name: "lookup_order",
      description: null,
      parameters: { order_id: "A1" },
    });
    expect(toolDescription({})).toBeNull();
    expect(llmTools({ "llm.tools.0.tool.json_schema": "{\"type\":\"function\"}" })).toEqual([{ type: "function" }]);
  });

  it("reads metadata as JSON or flattened keys, and tags", () => {
    expect(spanMetadata({ metadata: "{\"tier\":\"pro\"}" })).toEqual({ tier: "pro" });
    expect(spanMetadata({ "metadata.tier": "pro" })).toEqual({ tier: "pro" });
    expect(spanMetadata({})).toBeNull();
    expect(spanTags({ "tag.tags": ["a", "b"] })).toEqual(["a", "b"]);
    expect(spanTags({ "tag.tags": "[\"a\"]" })).toEqual(["a"]);
    expect(spanTags({})).toEqual([]);
  });
});

describe("events", () => {
  const events = [
    { name: "retry", timestamp: "2026-01-01T00:00:00.000Z", attributes: { attempt: 2 } },
    {
      name: "exception",
      timestamp: "2026-01-01T00:00:01.000Z",
      attributes: {
        "exception.type": "TimeoutError",
        "exception.message": "upstream timed out",
        "exception.stacktrace": "Traceback…",
        "exception.escaped": true,
      },
    },
    "garbage",
  ];

  it("normalises events and skips malformed ones", () => {
    const parsed = spanEvents(events);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ name: "retry", exception: null, attributes: { attempt: 2 } });
    expect(parsed[0].timestamp?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(spanEvents(null)).toEqual([]);
  });

  it("decodes exception events", () => {
    expect(spanExceptions(events)).toEqual([
      { type: "TimeoutError", message: "upstream timed out", stacktrace: "Traceback…", escaped: true },
    ]);
  });
});

describe("formatValue and numbers", () => {
  it("chooses JSON, markdown or text by content", () => {
    expect(formatValue("{\"a\":1}", "text/plain")).toEqual({ format: "json", value: { a: 1 } });
    expect(formatValue("## Steps\n1. Open settings")).toMatchObject({ format: "markdown" });
    expect(formatValue("Use **Settings**.")).toMatchObject({ format: "markdown" });
    expect(formatValue("plain answer", "text/plain")).toEqual({ format: "text", text: "plain answer" });
    expect(formatValue("42", "application/json")).toEqual({ format: "text", text: "42" });
  });

  it("formats durations and scores compactly", () => {
    expect(formatDuration(0)).toBe("0ms");
    expect(formatDuration(0.25)).toBe("250µs");
    expect(formatDuration(412.4)).toBe("412ms");
    expect(formatDuration(1530)).toBe("1.53s");
    expect(formatDuration(125_000)).toBe("2m 5s");
    expect(formatScore(0.81234)).toBe("0.812");
    expect(formatScore(1234.5)).toBe("1235");
  });
});

describe("reranker query and embeddings", () => {
  it("reads the reranker query and embedded texts with vector sizes", () => {
    expect(rerankerQuery({ "reranker.query": "refund" })).toBe("refund");
    expect(
      embeddedTexts({
        "embedding.embeddings.0.embedding.text": "hello",
        "embedding.embeddings.0.embedding.vector": [0.1, 0.2, 0.3],
        "embedding.embeddings.1.embedding.text": "world",
      }),
    ).toEqual([
      { text: "hello", dimensions: 3 },
      { text: "world", dimensions: null },
    ]);
  });
});
