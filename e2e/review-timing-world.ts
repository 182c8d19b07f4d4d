import { randomBytes } from "node:crypto";
import { api } from "./polish-world";

// A project of its own for e2e/review-timing.spec.ts, sent over the APIs a lead
// has: 30 traces of 6 spans (a chain, a retriever with documents, an LLM call
// with messages, tools) and a categorical rubric attached to the project, so
// the timing walks realistic screens and its labels touch no other spec.
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
type Value = string | number;
const attributes = (values: Record<string, Value>) =>
  Object.entries(values).map(([key, value]) => ({ key, value: typeof value === "number" ? { intValue: String(value) } : { stringValue: value } }));

// `notes`: the name of a free-form rubric attached after the categorical one
// (two cards per trace, for Tab), when asked for.
export type TimingWorld = { project: string; rubric: string; traces: number; notes?: string };

export const TIMING_TRACES = 30;

export async function ingestTimingWorld(baseURL: string, key: string, options: { freeform?: boolean } = {}): Promise<TimingWorld> {
  const project = `timing-${hex(4)}`;
  const rubric = `verdict_${hex(3)}`;
  const start = Date.now() - 3_600_000;
  const spans = Array.from({ length: TIMING_TRACES }, (_, n) => {
    const traceId = hex(16);
    const root = hex(8);
    const at = start + n * 60_000;
    const span = (name: string, kind: string, offset: number, extra: Record<string, Value>, parent = root) => ({
      traceId, spanId: hex(8), parentSpanId: parent, name, kind: 1,
      startTimeUnixNano: nanos(at + offset), endTimeUnixNano: nanos(at + offset + 300), status: { code: 1 },
      attributes: attributes({ "openinference.span.kind": kind, ...extra }),
    });
    const question = `Question ${n + 1}: my order ${hex(3)} arrived damaged, can I get a refund or a replacement?`;
    return [
      { ...span("support_turn", "CHAIN", 0, { "input.value": question, "output.value": "I can offer a replacement or a refund." }), spanId: root, parentSpanId: "" },
      span("retrieve_policy", "RETRIEVER", 20, {
        "input.value": question,
        ...Object.fromEntries([0, 1, 2].flatMap((d) => [
          [`retrieval.documents.${d}.document.content`, `Policy section ${d + 1}: damaged items can be returned within 30 days for a refund or a replacement. `.repeat(4)],
          [`retrieval.documents.${d}.document.score`, String(0.9 - d * 0.1)],
        ])),
      }),
      span("llm_answer", "LLM", 80, {
        "llm.model_name": "gpt-4o-mini",
        "llm.input_messages.0.message.role": "system",
        "llm.input_messages.0.message.content": "You are a helpful support agent. Quote the policy.",
        "llm.input_messages.1.message.role": "user",
        "llm.input_messages.1.message.content": question,
        "llm.output_messages.0.message.role": "assistant",
        "llm.output_messages.0.message.content": "I can offer a replacement or a refund, per our damaged-items policy.",
        "llm.token_count.prompt": 420, "llm.token_count.completion": 36, "llm.token_count.total": 456,
      }),
      span("lookup_order", "TOOL", 140, { "tool.name": "lookup_order", "input.value": `{"order":"${n}"}`, "output.value": `{"status":"delivered","damaged":true}` }),
      span("check_refund", "TOOL", 180, { "tool.name": "check_refund", "input.value": `{"order":"${n}"}`, "output.value": `{"eligible":true}` }),
      span("format_reply", "CHAIN", 230, { "input.value": "replacement or refund", "output.value": "I can offer a replacement or a refund." }),
    ];
  }).flat();
  await api(baseURL, key, "/v1/traces", "POST", {
    resourceSpans: [{ resource: { attributes: attributes({ "openinference.project.name": project }) }, scopeSpans: [{ scope: { name: "timing-e2e" }, spans }] }],
  });
  const created = await api(baseURL, key, "/v1/annotation_configs", "POST", {
    type: "CATEGORICAL", name: rubric, optimization_direction: "MAXIMIZE", values: [{ label: "pass", score: 1 }, { label: "fail", score: 0 }],
  });
  const ids = [created.data.id];
  const notes = options.freeform ? `notes_${hex(3)}` : undefined;
  if (notes) ids.push((await api(baseURL, key, "/v1/annotation_configs", "POST", { type: "FREEFORM", name: notes })).data.id);
  await api(baseURL, key, `/v1/projects/${project}/annotation_configs`, "PUT", { annotation_config_ids: ids });
  return { project, rubric, traces: TIMING_TRACES, notes };
}
