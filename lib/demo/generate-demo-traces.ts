import type { Attributes, IngestSpan } from "@/lib/ingest/span-input";
import { buildSession } from "./build-session";
import { createCustomerIdentity, type CustomerIdentity } from "./customer-profile";
import { pickTurnCount } from "./plan-session";
import { createRandom, hashString, type Random } from "./random";

export type DemoTraceOptions = {
  /** Number of traces (conversation turns) to generate. */
  traces?: number;
  seed?: number;
  projectName?: string;
  /** The demo period is the 30 days before this moment. */
  startAt?: Date;
  /** Spans per yielded batch, roughly: batches end on a session boundary. */
  batchSize?: number;
  /**
   * Pads every trace with pipeline steps (guardrail, intent, rerank, …) up to
   * this many spans; traces that already have as many are left as they are.
   * Unset: the turns' own 3 to 6 spans. Benchmarks use 10 (1M spans per 100k traces).
   */
  spansPerTrace?: number;
};

// Fixed, so the same seed gives the same data whatever the wall clock says.
export const DEFAULT_DEMO_START_AT = new Date("2026-11-20T12:00:00Z");
export const DEFAULT_DEMO_TRACES = 240;
export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_DEMO_PROJECT = "support-bot";

const PERIOD_MS = 30 * 86_400_000;
const QUIET_MS = 3_600_000;
const RETURNING_CUSTOMER = 0.25;
const REMEMBERED_CUSTOMERS = 64;

/** Session sizes that add up to exactly `traces`, none of them a single turn. */
function* sessionSizes(random: Random, traces: number) {
  let remaining = traces;
  while (remaining > 0) {
    let size = Math.min(pickTurnCount(random), remaining);
    if (remaining - size === 1) size = size < 6 ? size + 1 : size - 1;
    remaining -= size;
    yield size;
  }
}

/**
 * Deterministic demo traces of a RAG support bot for "Acme Cloud", streamed in
 * batches of whole sessions so 100k traces never sit in memory at once.
 */
export function* generateDemoTraces({
  traces = DEFAULT_DEMO_TRACES,
  seed = DEFAULT_DEMO_SEED,
  projectName = DEFAULT_DEMO_PROJECT,
  startAt = DEFAULT_DEMO_START_AT,
  batchSize = 1000,
  spansPerTrace,
}: DemoTraceOptions = {}): Generator<IngestSpan[]> {
  if (!Number.isInteger(traces) || traces < 0) throw new RangeError(`traces must be a whole number (got ${traces})`);
  if (spansPerTrace !== undefined && (!Number.isInteger(spansPerTrace) || spansPerTrace < 1)) {
    throw new RangeError(`spansPerTrace must be a positive whole number (got ${spansPerTrace})`);
  }
  // Trace and session ids are unique across projects, so the project is part of the seed.
  const random = createRandom(hashString(projectName, seed));
  const periodStart = startAt.getTime() - PERIOD_MS;
  const recentCustomers: CustomerIdentity[] = [];
  let firstTrace = 0;
  let batch: IngestSpan[] = [];

  for (const turnCount of sessionSizes(random, traces)) {
    // Sessions follow the trace count through the period, so time grows with the stream.
    const progress = (firstTrace + random.next() * turnCount) / traces;
    const startMs = Math.round(periodStart + progress * (PERIOD_MS - QUIET_MS));
    const identity = nextCustomer(random, recentCustomers);
    const session = buildSession({ random, projectName, identity, turnCount, startMs, progress });
    batch.push(...(spansPerTrace ? padTraces(session, spansPerTrace) : session));
    firstTrace += turnCount;
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** A new customer, or now and then one who came back with another question. */
function nextCustomer(random: Random, recent: CustomerIdentity[]): CustomerIdentity {
  if (recent.length && random.chance(RETURNING_CUSTOMER)) return random.pick(recent);
  const identity = createCustomerIdentity(random);
  recent.push(identity);
  if (recent.length > REMEMBERED_CUSTOMERS) recent.shift();
  return identity;
}

// The steps a padded trace gains, in order: what a production RAG pipeline adds
// around retrieval and generation. Two of the first three are LLM or evaluator
// calls, so span-level rubrics have targets in every padded trace.
const PADDING_STEPS: readonly { name: string; kind: string; input: string; output: string }[] = [
  { name: "guardrail_input", kind: "GUARDRAIL", input: "question", output: '{"allowed":true,"categories":[]}' },
  { name: "classify_intent", kind: "LLM", input: "question", output: '{"intent":"support","confidence":0.93}' },
  { name: "rerank_docs", kind: "RERANKER", input: "question", output: '{"kept":3}' },
  { name: "check_answer", kind: "EVALUATOR", input: "answer", output: '{"grounded":true}' },
  { name: "embed_chunks", kind: "EMBEDDING", input: "question", output: "" },
  { name: "cache_lookup", kind: "TOOL", input: "question", output: '{"hit":false}' },
  { name: "summarize_history", kind: "LLM", input: "question", output: "The customer asked about their account." },
  { name: "format_answer", kind: "CHAIN", input: "answer", output: "answer" },
];

/**
 * Adds child spans of the root to each trace of a session until it has
 * `target` spans. Their timings come from a generator seeded by the trace id
 * (not the session's), so padded traces keep every span of unpadded ones; their
 * ids are the trace id's first 48 bits and a step number, unique per trace
 * where 32-bit seeds would collide somewhere among 100k traces.
 */
function padTraces(spans: IngestSpan[], target: number): IngestSpan[] {
  const byTrace = new Map<string, IngestSpan[]>();
  for (const span of spans) byTrace.set(span.traceId, [...(byTrace.get(span.traceId) ?? []), span]);
  const out: IngestSpan[] = [];
  for (const [traceId, traceSpans] of byTrace) {
    out.push(...traceSpans);
    const root = traceSpans.find((span) => !span.parentSpanId);
    if (!root || traceSpans.length >= target) continue;
    const random = createRandom(hashString(traceId));
    // The generator's own spans carry Date objects (the ingest schema's input type is wider).
    const startMs = (root.startTime as Date).getTime();
    const endMs = (root.endTime as Date).getTime();
    const shared = { "session.id": root.attributes?.["session.id"] ?? "", "user.id": root.attributes?.["user.id"] ?? "" };
    const question = String(root.attributes?.["input.value"] ?? "");
    const answer = String(root.attributes?.["output.value"] ?? "");
    const missing = target - traceSpans.length;
    for (let i = 0; i < missing; i++) {
      const step = PADDING_STEPS[i % PADDING_STEPS.length];
      const at = startMs + Math.floor(((endMs - startMs) * i) / missing);
      const value = (which: string) => (which === "question" ? question : which === "answer" ? answer : which);
      const attributes: Attributes = { "openinference.span.kind": step.kind, "input.value": value(step.input), ...shared };
      if (step.output) attributes["output.value"] = value(step.output);
      if (step.kind === "LLM") {
        const prompt = random.int(80, 600);
        const completion = random.int(5, 60);
        Object.assign(attributes, { "llm.model_name": "gpt-4o-mini", "llm.token_count.prompt": prompt,
          "llm.token_count.completion": completion, "llm.token_count.total": prompt + completion });
      }
      out.push({
        projectName: root.projectName, traceId, spanId: `${traceId.slice(0, 12)}${(0xf000 + i).toString(16)}`, parentSpanId: root.spanId, name: step.name,
        startTime: new Date(at), endTime: new Date(Math.min(endMs, at + random.int(1, 40))),
        statusCode: "OK", statusMessage: "", attributes, events: [],
      });
    }
  }
  return out;
}
