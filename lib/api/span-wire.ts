import type { SpanRecord } from "@/lib/spans/query-spans";
import { toGlobalId } from "./global-id";

// Span rows in the two shapes of Phoenix's span reads: its own `Span`
// (flat attributes, ISO times) and the OTLP-like `OtlpSpan` of `/spans/otlpv1`.

const KIND_KEY = "openinference.span.kind";

function wireEvents(span: SpanRecord) {
  return (span.events ?? []).map((event) => ({
    name: event.name ?? "",
    timestamp: event.timestamp ?? span.startTime.toISOString(),
    attributes: event.attributes ?? {},
  }));
}

export function toWireSpan(span: SpanRecord) {
  // Phoenix moves the kind out of the attributes into span_kind.
  const { [KIND_KEY]: _, ...attributes } = span.attributes;
  return {
    id: toGlobalId("Span", span.id),
    name: span.name,
    context: { trace_id: span.traceId, span_id: span.spanId },
    span_kind: span.spanKind,
    parent_id: span.parentSpanId,
    start_time: span.startTime.toISOString(),
    end_time: span.endTime.toISOString(),
    status_code: span.statusCode,
    status_message: span.statusMessage,
    attributes,
    events: wireEvents(span),
  };
}

type OtlpAnyValue = Record<string, unknown>;

// As Phoenix does: arrays of mixed types become strings, objects are left empty.
function otlpValue(value: unknown): OtlpAnyValue {
  if (typeof value === "boolean") return { bool_value: value };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { double_value: String(value) };
    return Number.isInteger(value) ? { int_value: value } : { double_value: value };
  }
  if (typeof value === "string") return { string_value: value };
  if (Array.isArray(value)) {
    const sameType = value.every((v) => typeof v === typeof value[0]);
    return { array_value: { values: value.map((v) => (sameType ? otlpValue(v) : { string_value: String(v) })) } };
  }
  return {};
}

const keyValues = (attributes: Record<string, unknown>) =>
  Object.entries(attributes).map(([key, value]) => ({ key, value: otlpValue(value) }));

// Nanoseconds as decimal strings: as JSON numbers they would lose digits past 2^53.
const nanos = (date: Date | string) => `${BigInt(new Date(date).getTime()) * 1_000_000n}`;

const STATUS_NUMBERS = { UNSET: 0, OK: 1, ERROR: 2 } as const;

export function toOtlpSpan(span: SpanRecord) {
  const events = wireEvents(span);
  return {
    trace_id: span.traceId,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId,
    name: span.name,
    kind: "SPAN_KIND_INTERNAL",
    start_time_unix_nano: nanos(span.startTime),
    end_time_unix_nano: nanos(span.endTime),
    attributes: keyValues({ [KIND_KEY]: span.spanKind, ...span.attributes }),
    events: events.length
      ? events.map((e) => ({ name: e.name, time_unix_nano: nanos(e.timestamp), attributes: keyValues(e.attributes) }))
      : null,
    status: { code: STATUS_NUMBERS[span.statusCode], message: span.statusMessage || null },
  };
}
