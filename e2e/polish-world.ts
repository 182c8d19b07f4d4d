import { randomBytes } from "node:crypto";

// A project of its own for e2e/reviewer-polish.spec.ts, sent over OTLP/JSON:
// two traces in two sessions, the first with an LLM span whose raw input is a
// JSON request and whose messages end with a user question. Nothing else
// touches it, so the specs may write notes, rubrics and labels freely.
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const attributes = (values: Record<string, string | number>) =>
  Object.entries(values).map(([key, value]) => ({ key, value: typeof value === "number" ? { doubleValue: value } : { stringValue: value } }));

export type PolishWorld = {
  project: string;
  traces: { traceId: string; sessionId: string; question: string }[];
  lastUserMessage: string;
};

export const api = async (baseURL: string, key: string, path: string, method: string, body: unknown) => {
  const response = await fetch(`${baseURL}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

export async function ingestPolishWorld(baseURL: string, key: string): Promise<PolishWorld> {
  const project = `polish-${hex(4)}`;
  const lastUserMessage = `And can I keep my invoices from ${hex(3)}?`;
  const traces = [
    { traceId: hex(16), sessionId: `polish-session-${hex(4)}`, question: "How do I close my account?" },
    { traceId: hex(16), sessionId: `polish-session-${hex(4)}`, question: "Where is my parcel?" },
  ];
  const start = Date.now() - 120_000;
  const span = (traceId: string, spanId: string, parent: string, name: string, at: number, extra: Record<string, string | number>) => ({
    traceId, spanId, parentSpanId: parent, name, kind: 1,
    startTimeUnixNano: nanos(at), endTimeUnixNano: nanos(at + 900), status: { code: 1 },
    attributes: attributes(extra),
  });
  const messages = [
    ["system", "You are a helpful support assistant."],
    ["user", traces[0].question],
    ["assistant", "You can close it under Settings → Account."],
    ["user", lastUserMessage],
  ];
  const llmAttributes = Object.fromEntries(messages.flatMap(([role, content], n) => [
    [`llm.input_messages.${n}.message.role`, role], [`llm.input_messages.${n}.message.content`, content],
  ]));
  const spans = traces.flatMap((trace, index) => {
    const root = hex(8);
    const at = start + index * 10_000;
    const session = { "session.id": trace.sessionId };
    const rootSpan = span(trace.traceId, root, "", "support_turn", at, { ...session, "openinference.span.kind": "CHAIN", "input.value": trace.question, "output.value": "Answered." });
    if (index > 0) return [rootSpan];
    return [rootSpan, span(trace.traceId, hex(8), root, "generate_answer", at + 10, {
      ...session,
      "openinference.span.kind": "LLM",
      "input.value": JSON.stringify({ model: "gpt-4o-mini", messages: messages.map(([role, content]) => ({ role, content })) }),
      "input.mime_type": "application/json",
      ...llmAttributes,
    })];
  });
  const body = {
    resourceSpans: [{
      resource: { attributes: attributes({ "openinference.project.name": project }) },
      scopeSpans: [{ scope: { name: "reviewer-polish-e2e" }, spans }],
    }],
  };
  await api(baseURL, key, "/v1/traces", "POST", body);
  return { project, traces, lastUserMessage };
}
