import type { Random } from "./random";
import type { ToolName } from "./support-topic";

// The ways a demo turn breaks. A failure ends the turn: the exception escapes
// the failing span and the root span, and the customer sees an apology.
export type FailureStage = "retriever" | "llm" | "tool";

export type DemoFailure = { type: string; message: string; stacktrace: string };

export const APOLOGY =
  "Sorry — something went wrong on my side while looking into this. Please try again in a moment.";

/** About 3.5% of turns fail; a failing tool is only possible when the turn calls one. */
export function pickFailureStage(random: Random, callsTool: boolean): FailureStage | null {
  return random.weighted<FailureStage | null>([
    [null, 96.5],
    ["retriever", 0.7],
    ["llm", 1.8],
    ["tool", callsTool ? 1.0 : 0],
  ]);
}

const frame = (file: string, line: number, fn: string, code: string) =>
  `  File "/app/support_bot/${file}", line ${line}, in ${fn}\n    ${code}`;

function traceback(frames: string[], type: string, message: string) {
  return ["Traceback (most recent call last):", ...frames, `${type}: ${message}`].join("\n");
}

const TURN_FRAME = frame("pipeline.py", 57, "answer_turn", "return await self._answer(question, history)");

export function retrieverFailure(): DemoFailure {
  const type = "qdrant_client.http.exceptions.ResponseHandlingException";
  const message = "timed out after 5.0s querying collection help_center_v3";
  return {
    type,
    message,
    stacktrace: traceback(
      [TURN_FRAME, frame("retrieval.py", 41, "aretrieve", "hits = await self.client.search(self.collection, vector)")],
      type,
      message,
    ),
  };
}

export function llmFailure(random: Random, provider: string, model: string): DemoFailure {
  const [type, message] =
    provider === "anthropic"
      ? [
          "anthropic.InternalServerError",
          "Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
        ]
      : [
          "openai.RateLimitError",
          `Error code: 429 - {'error': {'message': 'Rate limit reached for ${model} on tokens per min (TPM): ` +
            `Limit 200000, Used ${random.int(196000, 199900)}, Requested ${random.int(1200, 4200)}. ` +
            "Please try again in 1.2s.', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}",
        ];
  return {
    type,
    message,
    stacktrace: traceback(
      [TURN_FRAME, frame("generation.py", 73, "generate", "response = await self.client.chat(messages, tools=TOOLS)")],
      type,
      message,
    ),
  };
}

const TOOL_ERRORS: Record<ToolName, string> = {
  lookup_order: "billing-api GET /v2/orders returned 503 Service Unavailable",
  check_service_status: "statuspage request failed: ReadTimeout after 3.0s",
  create_ticket: "helpdesk API returned 422: requester email could not be verified",
};

export function toolFailure(tool: ToolName): DemoFailure {
  const type = "support_bot.tools.ToolExecutionError";
  const message = TOOL_ERRORS[tool];
  return {
    type,
    message,
    stacktrace: traceback(
      [TURN_FRAME, frame("tools.py", 112, "run_tool", `result = await TOOLS["${tool}"](**arguments)`)],
      type,
      message,
    ),
  };
}
