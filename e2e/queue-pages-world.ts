import { randomBytes } from "node:crypto";
import { api } from "./polish-world";

// A project of its own for e2e/queue-pages.spec.ts, sent over the APIs a lead
// has: 8 traces over OTLP/JSON, 6 of them failed (status ERROR, the filter the
// queue is made from), and the demo rubric `correctness` attached to it.
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const attributes = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } }));

export type QueuePagesWorld = { project: string; failed: string[]; ok: string[] };

export async function ingestQueuePagesWorld(baseURL: string, key: string): Promise<QueuePagesWorld> {
  const project = `queue-pages-${hex(4)}`;
  const traces = Array.from({ length: 8 }, (_, n) => ({ traceId: hex(16), failed: n < 6 }));
  const start = Date.now() - 600_000;
  const spans = traces.map(({ traceId, failed }, n) => ({
    traceId, spanId: hex(8), parentSpanId: "", name: `support_turn_${n + 1}`, kind: 1,
    startTimeUnixNano: nanos(start + n * 10_000), endTimeUnixNano: nanos(start + n * 10_000 + 700),
    status: failed ? { code: 2, message: "tool failed" } : { code: 1 },
    attributes: attributes({ "openinference.span.kind": "CHAIN", "input.value": `Question ${n + 1}: where is my order?`, "output.value": "Let me check." }),
  }));
  await api(baseURL, key, "/v1/traces", "POST", {
    resourceSpans: [{ resource: { attributes: attributes({ "openinference.project.name": project }) }, scopeSpans: [{ scope: { name: "queue-pages-e2e" }, spans }] }],
  });
  await api(baseURL, key, `/v1/projects/${project}/annotation_configs/correctness`, "PUT", {});
  return { project, failed: traces.filter((t) => t.failed).map((t) => t.traceId), ok: traces.filter((t) => !t.failed).map((t) => t.traceId) };
}
