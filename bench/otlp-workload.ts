import { randomBytes } from "node:crypto";
import type { SpanSpec } from "@/tests/fixtures/otlp-requests";

// A RAG agent's traces as OpenInference instrumentation sends them: a CHAIN
// root with a RETRIEVER (3 documents), an LLM (messages, tokens) and a TOOL;
// five traces to a session. Text sizes are those of a chat support app.
export const SPANS_PER_TRACE = 4;
const TRACES_PER_SESSION = 5;

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const text = (words: number, seed: number) =>
  Array.from({ length: words }, (_, i) => ["refund", "invoice", "account", "password", "plan", "billing", "export", "limit"][(i * 7 + seed) % 8]).join(" ");

function traceSpans(n: number, start: Date, runId: string): SpanSpec[] {
  const traceId = hex(16);
  const rootId = hex(8);
  const at = (ms: number) => new Date(start.getTime() + ms);
  const session = { "session.id": `${runId}-session-${Math.floor(n / TRACES_PER_SESSION)}`, "user.id": `user-${n % 97}` };
  const question = `Question ${n}: ${text(25, n)}?`;
  const answer = `Answer ${n}: ${text(60, n + 1)}.`;
  const documents = Object.fromEntries(
    [0, 1, 2].flatMap((d) => [
      [`retrieval.documents.${d}.document.id`, `kb-${(n + d) % 500}`],
      [`retrieval.documents.${d}.document.content`, text(50, n + d)],
      [`retrieval.documents.${d}.document.score`, 0.9 - d * 0.1],
    ]),
  );
  return [
    {
      traceId, spanId: rootId, name: "support_turn", start, end: at(1800), status: { code: 1 },
      attributes: { "openinference.span.kind": "CHAIN", "input.value": question, "output.value": answer, ...session, metadata: '{"channel":"chat"}' },
    },
    {
      traceId, spanId: hex(8), parentSpanId: rootId, name: "retrieve_articles", start: at(10), end: at(120),
      attributes: { "openinference.span.kind": "RETRIEVER", "input.value": question, ...documents, ...session },
    },
    {
      traceId, spanId: hex(8), parentSpanId: rootId, name: "generate_answer", start: at(130), end: at(1700), status: { code: 1 },
      attributes: {
        "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o-mini", "llm.invocation_parameters": '{"temperature":0.2}',
        "llm.input_messages.0.message.role": "system", "llm.input_messages.0.message.content": text(40, n),
        "llm.input_messages.1.message.role": "user", "llm.input_messages.1.message.content": question,
        "llm.output_messages.0.message.role": "assistant", "llm.output_messages.0.message.content": answer,
        "llm.token_count.prompt": 420 + (n % 50), "llm.token_count.completion": 80, "llm.token_count.total": 500 + (n % 50),
        ...session,
      },
    },
    {
      traceId, spanId: hex(8), parentSpanId: rootId, name: "lookup_account", start: at(1710), end: at(1790),
      attributes: { "openinference.span.kind": "TOOL", "tool.name": "lookup_account", "tool.parameters": `{"user":"user-${n % 97}"}`, ...session },
    },
  ];
}

/** `count` spans (a multiple of 4), whole traces, newest last, spread over the past day. */
export function workloadSpans(count: number, runId: string): SpanSpec[] {
  const traces = Math.ceil(count / SPANS_PER_TRACE);
  const now = Date.now();
  const spans: SpanSpec[] = [];
  for (let n = 0; n < traces; n++) spans.push(...traceSpans(n, new Date(now - 86_400_000 + (n * 86_400_000) / traces), runId));
  return spans.slice(0, count);
}
