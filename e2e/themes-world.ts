import { randomBytes } from "node:crypto";
import { api } from "./polish-world";

// A project of its own for e2e/themes.spec.ts, sent over the APIs a user has:
// 12 traces over OTLP/JSON, then 20 trace notes over Phoenix's /v1/trace_notes
// in three obvious failure modes, so the notes page, the themes and the
// suggested groups have something clear to work on and nothing else touches it.
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const attributes = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } }));

export const failureModes = {
  // Eight notes: five get tagged on the notes page, three are left for "Suggest groups".
  refund: [
    "Invented a 90 day refund policy that does not exist in our terms.",
    "The refund policy it quoted is made up: we never offer a refund after 30 days.",
    "Hallucinated refund policy again, promised a full refund on opened items.",
    "Refund policy hallucination: told the customer refunds are automatic.",
    "Made up a refund policy about store credit instead of a refund.",
    "The answer invents a refund policy for digital goods that we do not have.",
    "Refund policy invented from nothing, quoting a 60 day refund window.",
    "Claims our refund policy covers shipping costs, which is invented.",
  ],
  // Six notes: five get tagged, one stays untagged.
  tool: [
    "Called the weather tool instead of the order lookup tool.",
    "Wrong tool: used the weather tool when the user asked for order status.",
    "Picked the calendar tool instead of the order lookup tool for a tracking question.",
    "Used the wrong tool, search docs, where order lookup was needed.",
    "Tool choice wrong: currency converter called for an order question.",
    "Should have called the order lookup tool, called the FAQ tool.",
  ],
  // Six notes nobody tags: "Suggest groups" should find them together.
  tone: [
    "Rude and dismissive tone toward the customer.",
    "The tone is rude, dismissive and sarcastic to the customer.",
    "Sarcastic rude tone, dismissive of the customer complaint.",
    "Dismissive, rude tone when the customer was already upset.",
    "Rude tone: told the customer to read the manual, dismissive.",
    "Condescending and rude tone, dismissive of the customer question.",
  ],
} as const;

export type ThemesWorld = { project: string; traceIds: string[]; questions: string[] };

export async function ingestThemesWorld(baseURL: string, key: string): Promise<ThemesWorld> {
  const project = `themes-${hex(4)}`;
  const questions = Array.from({ length: 12 }, (_, n) => `Question ${n + 1}: where is my order ${hex(2)}?`);
  const traceIds = questions.map(() => hex(16));
  const start = Date.now() - 600_000;
  const spans = traceIds.map((traceId, n) => ({
    traceId, spanId: hex(8), parentSpanId: "", name: "support_turn", kind: 1,
    startTimeUnixNano: nanos(start + n * 10_000), endTimeUnixNano: nanos(start + n * 10_000 + 700), status: { code: 1 },
    attributes: attributes({ "openinference.span.kind": "CHAIN", "input.value": questions[n], "output.value": "Here is what I found." }),
  }));
  await api(baseURL, key, "/v1/traces", "POST", {
    resourceSpans: [{ resource: { attributes: attributes({ "openinference.project.name": project }) }, scopeSpans: [{ scope: { name: "themes-e2e" }, spans }] }],
  });
  // Notes round-robin over the traces: 20 notes on 12 traces.
  const notes = [...failureModes.refund, ...failureModes.tool, ...failureModes.tone];
  for (const [n, note] of notes.entries()) {
    await api(baseURL, key, "/v1/trace_notes", "POST", { data: { trace_id: traceIds[n % traceIds.length], note } });
  }
  return { project, traceIds, questions };
}
