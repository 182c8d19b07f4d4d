import type { FlatAttributes } from "./indexed-attributes";
import { textAttribute } from "./indexed-attributes";

// Span events as stored (`[{name, timestamp, attributes}]`), normalised, with
// OpenTelemetry exception events (`name: "exception"`) decoded for display.

export type SpanException = {
  type: string | null;
  message: string | null;
  stacktrace: string | null;
  escaped: boolean;
};

export type SpanEvent = {
  name: string;
  timestamp: Date | null;
  attributes: FlatAttributes;
  exception: SpanException | null;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function timestampOf(value: unknown): Date | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function exceptionOf(name: string, attributes: FlatAttributes): SpanException | null {
  const hasExceptionKeys = Object.keys(attributes).some((key) => key.startsWith("exception."));
  if (name !== "exception" && !hasExceptionKeys) return null;
  return {
    type: textAttribute(attributes, "exception.type"),
    message: textAttribute(attributes, "exception.message"),
    stacktrace: textAttribute(attributes, "exception.stacktrace"),
    escaped: attributes["exception.escaped"] === true || attributes["exception.escaped"] === "true",
  };
}

export function spanEvents(events: unknown): SpanEvent[] {
  if (!Array.isArray(events)) return [];
  return events.filter(isRecord).map((event) => {
    const name = typeof event.name === "string" ? event.name : "event";
    const attributes = isRecord(event.attributes) ? event.attributes : {};
    return { name, timestamp: timestampOf(event.timestamp), attributes, exception: exceptionOf(name, attributes) };
  });
}

export function spanExceptions(events: unknown): SpanException[] {
  return spanEvents(events).flatMap((event) => (event.exception ? [event.exception] : []));
}
