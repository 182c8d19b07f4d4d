import { randomBytes } from "node:crypto";
import { api } from "./polish-world";

// A project of its own for e2e/notes.spec.ts, sent over OTLP/JSON: three traces
// (CHAIN root, LLM and TOOL children) in one session, and fifteen notes written
// over the Phoenix API by a reviewer and a lead in three recognisable groups:
// five about refunds, six about tools, four others; one correctness label on the
// first trace. Nothing else writes there.
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const attributes = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value: { stringValue: value } }));

type Target = { kind: "trace" | "llm" | "tool" | "session"; trace: number };
type Author = "reviewer" | "lead";
export const notes: { text: string; on: Target; by: Author }[] = [
  { text: "Promised a full refund after 90 days; the policy says 30.", on: { kind: "trace", trace: 0 }, by: "reviewer" },
  { text: "Invented a refund policy for digital goods.", on: { kind: "llm", trace: 0 }, by: "reviewer" },
  { text: "The refund window it quotes is made up.", on: { kind: "llm", trace: 1 }, by: "reviewer" },
  { text: "Claims refunds are instant, which no policy says.", on: { kind: "trace", trace: 1 }, by: "lead" },
  { text: "Refunded shipping costs are not in our policy: hallucinated.", on: { kind: "llm", trace: 2 }, by: "reviewer" },
  { text: "Called the order lookup tool for a password question.", on: { kind: "tool", trace: 0 }, by: "reviewer" },
  { text: "Wrong tool: used order lookup instead of the FAQ search tool.", on: { kind: "tool", trace: 1 }, by: "reviewer" },
  { text: "Picked the tool for invoices when asked about delivery.", on: { kind: "tool", trace: 2 }, by: "lead" },
  { text: "The agent chose a tool that cannot answer this.", on: { kind: "trace", trace: 2 }, by: "reviewer" },
  { text: "Tool call with an empty order id.", on: { kind: "tool", trace: 0 }, by: "lead" },
  { text: "The second tool call repeats the first one.", on: { kind: "tool", trace: 1 }, by: "reviewer" },
  { text: "Tone is curt with an upset customer.", on: { kind: "session", trace: 0 }, by: "reviewer" },
  { text: "Too long, could be two sentences.", on: { kind: "trace", trace: 0 }, by: "lead" },
  { text: "Greeting missing <b>here</b>.", on: { kind: "llm", trace: 0 }, by: "reviewer" },
  { text: "Good answer, **nothing** to fix.", on: { kind: "llm", trace: 1 }, by: "lead" },
];

export type NotesWorld = { project: string; sessionId: string; traces: { traceId: string; llm: string; tool: string }[] };

export async function ingestNotesWorld(baseURL: string, keys: Record<Author, string>): Promise<NotesWorld> {
  const world: NotesWorld = {
    project: `notes-${hex(4)}`,
    sessionId: `notes-session-${hex(4)}`,
    traces: [0, 1, 2].map(() => ({ traceId: hex(16), llm: hex(8), tool: hex(8) })),
  };
  const start = Date.now() - 300_000;
  const spans = world.traces.flatMap((trace, index) => {
    const root = hex(8);
    const at = start + index * 20_000;
    const span = (spanId: string, parent: string, name: string, kind: string, offset: number) => ({
      traceId: trace.traceId, spanId, parentSpanId: parent, name, kind: 1,
      startTimeUnixNano: nanos(at + offset), endTimeUnixNano: nanos(at + offset + 500), status: { code: 1 },
      attributes: attributes({ "session.id": world.sessionId, "openinference.span.kind": kind, "input.value": `Question ${index}` }),
    });
    return [
      span(root, "", "support_turn", "CHAIN", 0),
      span(trace.llm, root, "generate_answer", "LLM", 10),
      span(trace.tool, root, "lookup_order", "TOOL", 20),
    ];
  });
  await api(baseURL, keys.lead, "/v1/traces", "POST", {
    resourceSpans: [{
      resource: { attributes: attributes({ "openinference.project.name": world.project }) },
      scopeSpans: [{ scope: { name: "notes-e2e" }, spans }],
    }],
  });
  // The demo's correctness rubric on the project, and a reviewer's label on the first trace:
  // the notes there show it, and the rubric filter finds them.
  await api(baseURL, keys.lead, `/v1/projects/${world.project}/annotation_configs/correctness`, "PUT", undefined);
  await api(baseURL, keys.reviewer, "/v1/trace_annotations?sync=true", "POST", {
    data: [{ trace_id: world.traces[0].traceId, name: "correctness", annotator_kind: "HUMAN", result: { label: "incorrect" } }],
  });
  for (const note of notes) {
    const trace = world.traces[note.on.trace];
    const [path, target] =
      note.on.kind === "trace" ? ["/v1/trace_notes", { trace_id: trace.traceId }]
      : note.on.kind === "session" ? ["/v1/session_notes", { session_id: world.sessionId }]
      : ["/v1/span_notes", { span_id: note.on.kind === "llm" ? trace.llm : trace.tool }];
    await api(baseURL, keys[note.by], path, "POST", { data: { ...target, note: note.text } });
  }
  return world;
}
