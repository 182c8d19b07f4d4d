import type { Attributes } from "@/lib/ingest/span-input";
import { TOOL_DEFINITIONS } from "./demo-tools";
import type { Customer } from "./customer-profile";
import type { Random } from "./random";
import type { RetrievedDocument } from "./retrieve-documents";

export type ChatMessage = {
  role: "system" | "user" | "assistant" | "tool";
  content: string;
  toolCall?: { id: string; name: string; arguments: string };
  toolCallId?: string;
};

export type DemoModel = { name: string; provider: "openai" | "anthropic" };

// The bot's deployments; a session keeps the model it started with.
export const DEMO_MODELS: readonly (readonly [DemoModel, number])[] = [
  [{ name: "gpt-4o-mini", provider: "openai" }, 55],
  [{ name: "gpt-4.1", provider: "openai" }, 25],
  [{ name: "claude-sonnet-4-5", provider: "anthropic" }, 20],
];

const INVOCATION_PARAMETERS = JSON.stringify({ temperature: 0.2, max_tokens: 700 });

const TOOL_SCHEMAS = Object.entries(TOOL_DEFINITIONS).map(([name, definition]) =>
  JSON.stringify({ type: "function", function: { name, ...definition } }),
);

export function systemPrompt(customer: Customer, documents: RetrievedDocument[]): string {
  const context = documents
    .map(({ article }, index) => `[${index + 1}] ${article.title}\n${article.content}`)
    .join("\n\n");
  return [
    "You are the support assistant for Acme Cloud. Answer in a friendly, concise way using only the help-center",
    "context below. If the context does not answer the question, say so and offer to open a ticket. Never invent",
    "prices, limits or policies. Use the tools to look up orders, check service status or open tickets.",
    "",
    `Customer: ${customer.name} <${customer.email}>, ${customer.company}, ${customer.plan} plan, ` +
      `region ${customer.region}.`,
    "",
    "Context:",
    context,
  ].join("\n");
}

/** Rough token count (about four characters per token), good enough for demo totals. */
export function estimateTokens(messages: ChatMessage[]): number {
  const characters = (message: ChatMessage) => message.content.length + (message.toolCall?.arguments.length ?? 0);
  return messages.reduce((sum, message) => sum + 4 + Math.ceil(characters(message) / 4), 0);
}

function messageAttributes(prefix: string, messages: ChatMessage[]): Attributes {
  const attributes: Attributes = {};
  messages.forEach((message, index) => {
    const key = `${prefix}.${index}.message`;
    attributes[`${key}.role`] = message.role;
    if (message.content) attributes[`${key}.content`] = message.content;
    if (message.toolCallId) attributes[`${key}.tool_call_id`] = message.toolCallId;
    if (message.toolCall) {
      attributes[`${key}.tool_calls.0.tool_call.id`] = message.toolCall.id;
      attributes[`${key}.tool_calls.0.tool_call.function.name`] = message.toolCall.name;
      attributes[`${key}.tool_calls.0.tool_call.function.arguments`] = message.toolCall.arguments;
    }
  });
  return attributes;
}

/** The request body as the OpenAI-style client sent it, for `input.value`. */
function requestBody(model: DemoModel, messages: ChatMessage[]) {
  return {
    model: model.name,
    temperature: 0.2,
    max_tokens: 700,
    messages: messages.map(({ role, content, toolCall, toolCallId }) => ({
      role,
      content: content || null,
      ...(toolCall && {
        tool_calls: [
          { id: toolCall.id, type: "function", function: { name: toolCall.name, arguments: toolCall.arguments } },
        ],
      }),
      ...(toolCallId && { tool_call_id: toolCallId }),
    })),
  };
}

export function llmAttributes(model: DemoModel, input: ChatMessage[], output: ChatMessage | null): Attributes {
  const prompt = estimateTokens(input);
  const completion = output ? estimateTokens([output]) : 0;
  const attributes: Attributes = {
    "llm.model_name": model.name,
    "llm.provider": model.provider,
    "llm.system": model.provider,
    "llm.invocation_parameters": INVOCATION_PARAMETERS,
    "input.value": JSON.stringify(requestBody(model, input)),
    "input.mime_type": "application/json",
    ...messageAttributes("llm.input_messages", input),
    "llm.token_count.prompt": prompt,
  };
  TOOL_SCHEMAS.forEach((schema, index) => (attributes[`llm.tools.${index}.tool.json_schema`] = schema));
  if (!output) return attributes;
  return {
    ...attributes,
    ...messageAttributes("llm.output_messages", [output]),
    "output.value": output.toolCall ? JSON.stringify(requestBody(model, [output]).messages[0]) : output.content,
    "output.mime_type": output.toolCall ? "application/json" : "text/plain",
    "llm.token_count.completion": completion,
    "llm.token_count.total": prompt + completion,
  };
}

/** Latency grows with the answer's length; a few calls are slow. */
export function llmLatencyMs(random: Random, output: ChatMessage | null): number {
  const completion = output ? estimateTokens([output]) : 0;
  const base = 300 + completion * random.between(12, 30) + random.between(0, 700);
  const slow = random.chance(0.06) ? random.between(2, 3.5) : 1;
  return Math.round(Math.min(6000, Math.max(400, base * slow)));
}
