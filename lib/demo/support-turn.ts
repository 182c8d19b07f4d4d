import type { Attributes, IngestSpan } from "@/lib/ingest/span-input";
import type { Customer } from "./customer-profile";
import { APOLOGY, llmFailure, pickFailureStage, retrieverFailure, toolFailure } from "./demo-failures";
import type { DemoFailure } from "./demo-failures";
import { callDemoTool, TOOL_DEFINITIONS, type ToolCall } from "./demo-tools";
import { llmAttributes, llmLatencyMs, systemPrompt, type ChatMessage, type DemoModel } from "./llm-attributes";
import type { Random } from "./random";
import { retrieveDocuments, retrieverAttributes, type RetrievedDocument } from "./retrieve-documents";
import type { SupportTopic, SupportTurn } from "./support-topic";
import { createTraceBuilder, type TraceBuilder } from "./trace-builder";

export type TurnInput = {
  random: Random;
  projectName: string;
  sessionId: string;
  customer: Customer;
  topic: SupportTopic;
  turn: SupportTurn;
  question: string;
  /** The answer when retrieval works; the turn may replace it. */
  answer: string;
  /** Earlier user and assistant messages of the session. */
  history: ChatMessage[];
  model: DemoModel;
  embedQuery: boolean;
  metadata: string;
  startMs: number;
};

export type TurnOutcome = { spans: IngestSpan[]; answer: string; failed: boolean; endMs: number };

const DEFLECTION =
  "I couldn't find anything in our help center that answers this. I can open a ticket with our support team " +
  "if you'd like — they usually reply within one business day.";

const text = (value: string) => ({ value, mime: "text/plain" });
const json = (value: unknown) => ({ value: JSON.stringify(value), mime: "application/json" });
function io(input: { value: string; mime: string }, output?: { value: string; mime: string }): Attributes {
  const attributes: Attributes = { "input.value": input.value, "input.mime_type": input.mime };
  if (output) Object.assign(attributes, { "output.value": output.value, "output.mime_type": output.mime });
  return attributes;
}

/** The trace being built and its clock: each step starts shortly after the previous one ends. */
type TurnTrace = { trace: TraceBuilder; random: Random; rootId: string; clock: number };

/**
 * One turn of the conversation as a RAG pipeline traces it: a CHAIN root with a
 * RETRIEVER (optionally embedding the query), an LLM call, and when the turn
 * needs one a TOOL call followed by a second LLM call.
 */
export function buildSupportTurn(input: TurnInput): TurnOutcome {
  const { random, customer, turn, question, model } = input;
  const shared = { "session.id": input.sessionId, "user.id": customer.userId };
  const trace = createTraceBuilder(random, input.projectName, shared);
  const t: TurnTrace = { trace, random, rootId: trace.newSpanId(), clock: input.startMs + random.int(2, 15) };
  // A search that misses makes the bot deflect; closing "thanks" turns have nothing to find.
  const missedRetrieval = !turn.tool && turn.articles.length > 0 && random.chance(0.06);
  const failure = pickFailureStage(random, Boolean(turn.tool));

  const finish = (answer: string, rootFailure?: DemoFailure): TurnOutcome => {
    const endMs = t.clock + random.int(2, 12);
    trace.add({
      spanId: t.rootId,
      name: "support_turn",
      kind: "CHAIN",
      startMs: input.startMs,
      endMs,
      attributes: {
        ...io(text(question), text(answer)),
        metadata: input.metadata,
        "tag.tags": ["support", input.topic.queue],
      },
      failure: rootFailure,
    });
    return { spans: trace.spans, answer, failed: Boolean(rootFailure), endMs };
  };

  const retrieverError = failure === "retriever" ? retrieverFailure() : undefined;
  const documents = addRetrieval(t, input, missedRetrieval, retrieverError);
  if (retrieverError) return finish(APOLOGY, retrieverError);

  const messages: ChatMessage[] = [
    { role: "system", content: systemPrompt(customer, documents) },
    ...input.history,
    { role: "user", content: question },
  ];
  if (turn.tool) {
    const call = callDemoTool(random, turn.tool, customer, input.topic, new Date(t.clock));
    const request: ChatMessage = {
      role: "assistant",
      content: "",
      toolCall: { id: call.callId, name: call.name, arguments: JSON.stringify(call.args) },
    };
    addLlmCall(t, model, messages, request);
    const toolError = failure === "tool" ? toolFailure(turn.tool) : undefined;
    addToolCall(t, call, toolError);
    if (toolError) return finish(APOLOGY, toolError);
    messages.push(request, { role: "tool", content: JSON.stringify(call.result), toolCallId: call.callId });
  }
  if (failure === "llm") {
    const error = llmFailure(random, model.provider, model.name);
    addLlmCall(t, model, messages, null, error);
    return finish(APOLOGY, error);
  }
  const answer = missedRetrieval ? DEFLECTION : input.answer;
  addLlmCall(t, model, messages, { role: "assistant", content: answer });
  return finish(answer);
}

function addRetrieval(t: TurnTrace, input: TurnInput, miss: boolean, failure?: DemoFailure): RetrievedDocument[] {
  const { trace, random } = t;
  const retrieverId = trace.newSpanId();
  const startMs = t.clock;
  if (input.embedQuery) {
    const embedEnd = t.clock + random.int(20, 120);
    trace.add({
      spanId: trace.newSpanId(),
      parentSpanId: retrieverId,
      name: "embed_query",
      kind: "EMBEDDING",
      startMs: t.clock + 1,
      endMs: embedEnd,
      attributes: {
        ...io(text(input.question)),
        "embedding.model_name": "text-embedding-3-small",
        "embedding.embeddings.0.embedding.text": input.question,
      },
    });
    t.clock = embedEnd;
  }
  const documents = retrieveDocuments(random, input.turn, miss);
  t.clock = Math.max(t.clock + 5, startMs + random.int(50, 400));
  trace.add({
    spanId: retrieverId,
    parentSpanId: t.rootId,
    name: "retrieve_docs",
    kind: "RETRIEVER",
    startMs,
    endMs: t.clock,
    attributes: { ...io(text(input.question)), ...(failure ? {} : retrieverAttributes(documents)) },
    failure,
  });
  return documents;
}

function addLlmCall(
  t: TurnTrace,
  model: DemoModel,
  messages: ChatMessage[],
  output: ChatMessage | null,
  failure?: DemoFailure,
) {
  const startMs = t.clock + t.random.int(1, 6);
  t.clock = startMs + (failure ? t.random.int(90, 900) : llmLatencyMs(t.random, output));
  t.trace.add({
    spanId: t.trace.newSpanId(),
    parentSpanId: t.rootId,
    name: "generate_answer",
    kind: "LLM",
    startMs,
    endMs: t.clock,
    attributes: llmAttributes(model, messages, output),
    failure,
  });
}

function addToolCall(t: TurnTrace, call: ToolCall, failure?: DemoFailure) {
  const startMs = t.clock + 1;
  t.clock = startMs + t.random.int(40, 900);
  const definition = TOOL_DEFINITIONS[call.name];
  t.trace.add({
    spanId: t.trace.newSpanId(),
    parentSpanId: t.rootId,
    name: call.name,
    kind: "TOOL",
    startMs,
    endMs: t.clock,
    attributes: {
      "tool.name": call.name,
      "tool.description": definition.description,
      "tool.parameters": JSON.stringify(definition.parameters),
      ...io(json(call.args), failure ? undefined : json(call.result)),
    },
    failure,
  });
}
