import { randomBytes } from "node:crypto";
import { api } from "./polish-world";

// A project of its own for e2e/queues.spec.ts, sent over the APIs a lead has:
// 8 traces over OTLP/JSON, 6 of them failed (status ERROR, the filter the queue
// is made from), and a categorical rubric of its own attached to the project,
// so two reviewers can label every queued trace without touching other specs.
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const attributes = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } }));

// Phoenix ids are base64("<Type>:<row id>"); plain numbers pass through.
const rowIdOf = (id: string | number) => Number(/^\d+$/.test(String(id)) ? id : Buffer.from(String(id), "base64").toString("utf8").split(":").pop());

export type QueuesWorld = { project: string; rubric: string; rubricId: number; failed: string[]; ok: string[] };

export async function ingestQueuesWorld(baseURL: string, key: string): Promise<QueuesWorld> {
  const project = `queues-${hex(4)}`;
  const rubric = `verdict_${hex(3)}`;
  const traces = Array.from({ length: 8 }, (_, n) => ({ traceId: hex(16), failed: n % 4 !== 3 }));
  const start = Date.now() - 600_000;
  const spans = traces.map(({ traceId, failed }, n) => ({
    traceId, spanId: hex(8), parentSpanId: "", name: `refund_turn_${n + 1}`, kind: 1,
    startTimeUnixNano: nanos(start + n * 10_000), endTimeUnixNano: nanos(start + n * 10_000 + 700),
    status: failed ? { code: 2, message: "tool failed" } : { code: 1 },
    attributes: attributes({ "openinference.span.kind": "CHAIN", "input.value": `Question ${n + 1}: can I get a refund?`, "output.value": "Let me check." }),
  }));
  await api(baseURL, key, "/v1/traces", "POST", {
    resourceSpans: [{ resource: { attributes: attributes({ "openinference.project.name": project }) }, scopeSpans: [{ scope: { name: "queues-e2e" }, spans }] }],
  });
  const created = await api(baseURL, key, "/v1/annotation_configs", "POST", {
    type: "CATEGORICAL", name: rubric, optimization_direction: "MAXIMIZE", values: [{ label: "pass", score: 1 }, { label: "fail", score: 0 }],
  });
  await api(baseURL, key, `/v1/projects/${project}/annotation_configs`, "PUT", { annotation_config_ids: [created.data.id] });
  return { project, rubric, rubricId: rowIdOf(created.data.id), failed: traces.filter((t) => t.failed).map((t) => t.traceId), ok: traces.filter((t) => !t.failed).map((t) => t.traceId) };
}
