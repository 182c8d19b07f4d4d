import type { TraceDigest } from "./demo-note-digest";
import { POLICY_SLIPS } from "./demo-note-policies";
import * as texts from "./demo-note-texts";
import { HELP_ARTICLE_BY_ID } from "./help-center-articles";
import type { Random } from "./random";

// Where a note of each failure mode fits on a trace (or a session), and the
// trace's facts its text may quote. A trace that gives a mode nothing to say
// is no candidate for it.
export type NoteMode =
  | "hallucinated_policy"
  | "ignored_document"
  | "wrong_tool"
  | "tone"
  | "leaked_internal"
  | "repeated_question"
  | "positive";

export type NoteTarget = { type: "SPAN" | "TRACE" | "SESSION"; id: string; spanKind?: "LLM" | "TOOL" | "RETRIEVER" };

export type NoteSlot = {
  mode: NoteMode;
  target: NoteTarget;
  /** The trace the note is about; for a session note, its last turn. */
  digest: TraceDigest;
  texts: readonly string[];
  values: Record<string, string>;
};

const title = (id: string) => HELP_ARTICLE_BY_ID.get(id)?.title ?? id;
const DEFLECTION = /couldn't find anything in our help center/;
// Turns where the bot should have called a tool and did not (it offers, or guesses).
const MISSING_TOOL_TURNS = new Set([
  "cancel-subscription:2", "duplicate-charge:1", "duplicate-charge:3", "invoices:1", "outage:1", "outage:2", "rate-limits:0",
]);

/** What any note on the trace may mention. */
function traceValues(d: TraceDigest): Record<string, string> {
  const values: Record<string, string> = { latency: ((d.endMs - d.startMs) / 1000).toFixed(1) };
  if (d.customer) Object.assign(values, d.customer);
  if (d.model) values.model = d.model;
  if (d.order) values.order = d.order;
  if (d.ticket) values.ticket = d.ticket;
  if (d.queue) values.queue = d.queue;
  if (d.tool) {
    values.tool = d.tool.name;
    for (const [key, value] of Object.entries(d.tool.args)) if (typeof value === "string") values[key] = value;
    if (d.tool.name === "lookup_order" && d.order) values.lookedUpOrder = d.order;
  }
  if (d.documents[0]) Object.assign(values, { doc: title(d.documents[0].id), docScore: d.documents[0].score.toFixed(2) });
  const right = d.documents.findIndex((hit) => d.relevant.includes(hit.id));
  if (right >= 0) {
    Object.assign(values, { rightDoc: title(d.documents[right].id), rightPos: String(right + 1), rightScore: d.documents[right].score.toFixed(2) });
  }
  return values;
}

const turnKey = (d: TraceDigest) => `${d.topicId}:${d.turnIndex}`;
const answered = (d: TraceDigest) => !d.failedKind && d.llmSpanId !== null;
const llmOrTrace = (random: Random, d: TraceDigest, spanShare: number): NoteTarget =>
  random.chance(spanShare) ? { type: "SPAN", id: d.llmSpanId!, spanKind: "LLM" } : { type: "TRACE", id: d.traceId };

/** The slot of a trace-level mode on one trace, or null when the mode does not fit it. */
export function traceSlot(mode: NoteMode, d: TraceDigest, random: Random): NoteSlot | null {
  const values = traceValues(d);
  const slot = (target: NoteTarget, list: readonly string[], extra: Record<string, string> = {}): NoteSlot => ({
    mode, target, digest: d, texts: list, values: { ...values, ...extra },
  });
  switch (mode) {
    case "hallucinated_policy": {
      const articles = d.relevant.filter((id) => POLICY_SLIPS[id]);
      if (!answered(d) || articles.length === 0) return null;
      const article = random.pick(articles);
      const slip = random.pick(POLICY_SLIPS[article]);
      return slot(llmOrTrace(random, d, 0.75), texts.HALLUCINATED_POLICY, { ...slip, source: title(article) });
    }
    case "ignored_document": {
      if (!answered(d) || d.documents.length === 0) return null;
      if (DEFLECTION.test(d.answer)) return slot({ type: "SPAN", id: d.llmSpanId!, spanKind: "LLM" }, texts.DEFLECTED);
      if (!values.rightDoc) return null;
      if (values.rightPos !== "1" && random.chance(0.7)) {
        return slot({ type: "SPAN", id: d.retrieverSpanId!, spanKind: "RETRIEVER" }, texts.RANKED_WRONG);
      }
      // With the right document on top, "went with another one" would not be true.
      const { doc, docScore, ...rest } = values;
      return { mode, target: { type: "SPAN", id: d.llmSpanId!, spanKind: "LLM" }, digest: d, texts: texts.IGNORED_DOCUMENT,
        values: values.rightPos === "1" ? rest : values };
    }
    case "wrong_tool":
      if (!answered(d)) return null;
      if (d.tool) return slot({ type: "SPAN", id: d.tool.spanId, spanKind: "TOOL" }, texts.WRONG_TOOL_SPAN[d.tool.name]);
      return MISSING_TOOL_TURNS.has(turnKey(d)) ? slot({ type: "SPAN", id: d.llmSpanId!, spanKind: "LLM" }, texts.MISSING_TOOL) : null;
    case "tone":
      if (d.failedKind) return slot({ type: "TRACE", id: d.traceId }, texts.GENERIC_APOLOGY);
      if (!answered(d)) return null;
      if (!d.topicId) return slot(llmOrTrace(random, d, 0.5), texts.CANNED_CLOSING);
      if (texts.TONE_BY_TURN[turnKey(d)] && random.chance(0.7)) return slot(llmOrTrace(random, d, 0.5), texts.TONE_BY_TURN[turnKey(d)]);
      return slot(llmOrTrace(random, d, 0.55), texts.TONE);
    case "leaked_internal":
      return answered(d) && d.topicId ? slot(llmOrTrace(random, d, 0.6), texts.LEAKED_INTERNAL) : null;
    case "positive":
      if (d.failedKind) {
        const onSpan = random.chance(0.4);
        return slot(onSpan ? { type: "SPAN", id: d.failedSpanId!, spanKind: d.failedKind } : { type: "TRACE", id: d.traceId }, texts.INFRA);
      }
      return slot({ type: "TRACE", id: d.traceId }, [...texts.POSITIVE, ...(texts.POSITIVE_BY_TOPIC[d.topicId ?? ""] ?? [])]);
    case "repeated_question":
      return null;
  }
}

/** A session-level slot: the conversation as a whole (repeated questions, or an overall remark). */
export function sessionSlot(mode: "repeated_question" | "positive", turns: TraceDigest[]): NoteSlot | null {
  const last = turns.at(-1)!;
  const retried = turns.some((turn) => turn.failedKind);
  if (mode === "repeated_question" && turns.length < 3 && !retried) return null;
  const values = { ...traceValues(turns[0]), turns: String(turns.length) };
  return {
    mode,
    target: { type: "SESSION", id: last.sessionId },
    digest: last,
    texts: mode === "repeated_question" ? texts.REPEATED_QUESTION : texts.SESSION_GENERAL,
    values,
  };
}
