import type { IngestSpan } from "@/lib/ingest/span-input";
import { SUPPORT_TOPICS } from "./plan-session";
import type { SupportTopic, SupportTurn, ToolName } from "./support-topic";

// What a reviewer would see on one demo trace, boiled down to what its notes
// mention: the customer, the order, the tool call, the ranked documents. Read
// back from the generated spans, so notes agree with the traces they are on.
export type DocumentHit = { id: string; score: number };

export type TraceDigest = {
  traceId: string;
  sessionId: string;
  startMs: number;
  endMs: number;
  question: string;
  answer: string;
  /** The span that failed, when the turn failed. */
  failedKind: "RETRIEVER" | "LLM" | "TOOL" | null;
  failedSpanId: string | null;
  rootSpanId: string;
  /** The LLM span that wrote the answer (or failed). */
  llmSpanId: string | null;
  model: string | null;
  retrieverSpanId: string | null;
  documents: DocumentHit[];
  tool: { spanId: string; name: ToolName; args: Record<string, unknown> } | null;
  /** The scripted turn the question came from (null for a closing thank-you). */
  topicId: string | null;
  queue: string | null;
  turnIndex: number;
  /** Articles that answer the question, best first. */
  relevant: readonly string[];
  customer: { name: string; company: string; plan: string; region: string } | null;
  order: string | null;
  ticket: string | null;
  invoice: string | null;
};

const attr = (span: IngestSpan, key: string) => span.attributes?.[key];
const kindOf = (span: IngestSpan) => attr(span, "openinference.span.kind");
const ms = (time: IngestSpan["startTime"]) => new Date(time as Date).getTime();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Each scripted question as a pattern, placeholders matching anything, greetings and retries allowed before it.
const TURN_PATTERNS: { topic: SupportTopic; turnIndex: number; turn: SupportTurn; pattern: RegExp }[] =
  SUPPORT_TOPICS.flatMap((topic) =>
    topic.turns.flatMap((turn, turnIndex) =>
      turn.ask.map((ask) => ({
        topic,
        turnIndex,
        turn,
        pattern: new RegExp(`${escape(ask).replace(/\\\{\w+\\\}/g, ".+?")}$`),
      })),
    ),
  );

const CUSTOMER_LINE = /^Customer: (.+?) <[^>]+>, (.+), (\w+) plan, region ([\w-]+)\.$/m;

/** The digest of one trace's spans (all spans of the trace, any order). */
export function digestTrace(spans: IngestSpan[]): TraceDigest {
  const root = spans.find((span) => !span.parentSpanId)!;
  const llms = spans.filter((span) => kindOf(span) === "LLM").sort((a, b) => ms(a.startTime) - ms(b.startTime));
  const llm = llms.at(-1) ?? null;
  const retriever = spans.find((span) => kindOf(span) === "RETRIEVER") ?? null;
  const toolSpan = spans.find((span) => kindOf(span) === "TOOL") ?? null;
  const failed = spans.find((span) => span.parentSpanId && span.statusCode === "ERROR");
  const question = String(attr(root, "input.value") ?? "");
  const answer = String(attr(root, "output.value") ?? "");
  const matched = TURN_PATTERNS.find(({ pattern }) => pattern.test(question));
  const prompt = llms[0] ? String(attr(llms[0], "llm.input_messages.0.message.content") ?? "") : "";
  const customer = prompt.match(CUSTOMER_LINE);
  const text = `${question}\n${answer}\n${toolSpan ? String(attr(toolSpan, "output.value") ?? "") : ""}`;
  return {
    traceId: root.traceId,
    sessionId: String(attr(root, "session.id")),
    startMs: ms(root.startTime),
    endMs: ms(root.endTime),
    question,
    answer,
    failedKind: failed ? (kindOf(failed) as TraceDigest["failedKind"]) : null,
    failedSpanId: failed?.spanId ?? null,
    rootSpanId: root.spanId,
    llmSpanId: llm?.spanId ?? null,
    model: llm ? String(attr(llm, "llm.model_name")) : null,
    retrieverSpanId: retriever?.spanId ?? null,
    documents: retriever ? documentsOf(retriever) : [],
    tool: toolSpan
      ? { spanId: toolSpan.spanId, name: toolSpan.name as ToolName, args: JSON.parse(String(attr(toolSpan, "input.value"))) }
      : null,
    topicId: matched?.topic.id ?? null,
    queue: matched?.topic.queue ?? null,
    turnIndex: matched?.turnIndex ?? -1,
    relevant: matched?.turn.articles ?? [],
    customer: customer ? { name: customer[1], company: customer[2], plan: customer[3], region: customer[4] } : null,
    order: text.match(/ORD-\d{6}/)?.[0] ?? null,
    ticket: text.match(/TCK-\d{5}/)?.[0] ?? null,
    invoice: text.match(/INV-\d{4}-\d{5}/)?.[0] ?? null,
  };
}

function documentsOf(span: IngestSpan): DocumentHit[] {
  const hits: DocumentHit[] = [];
  for (let position = 0; attr(span, `retrieval.documents.${position}.document.id`) !== undefined; position++) {
    const prefix = `retrieval.documents.${position}.document`;
    hits.push({ id: String(attr(span, `${prefix}.id`)), score: Number(attr(span, `${prefix}.score`)) });
  }
  return hits;
}

/** Digests of the traces in a batch of spans, in the order their traces first appear. */
export function digestBatch(spans: IngestSpan[]): TraceDigest[] {
  const byTrace = new Map<string, IngestSpan[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId);
    if (list) list.push(span);
    else byTrace.set(span.traceId, [span]);
  }
  return [...byTrace.values()].map(digestTrace);
}
