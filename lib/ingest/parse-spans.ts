import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { ingestSpanSchema, type Attributes, type IngestSpan, type ParsedSpan } from "./span-input";

// Validating a 512-span batch with zod costs ~13 ms of CPU, a tenth of the whole
// ingest. Almost every batch is well formed (the OTLP decoder builds them), so a
// hand-written check of the same rules builds the same output first; when it finds
// anything off, zod parses the whole batch and names the field (same error as ever).
// span-input.test.ts keeps the two in agreement.

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null && !Array.isArray(value);

// z.number() refuses NaN and ±Infinity.
const isPrimitive = (value: unknown) =>
  typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

// A plain object of valid values is taken as is (zod would copy it; nothing
// downstream writes to it).
function attributesOf(value: unknown): Attributes | null {
  if (value === undefined) return {};
  if (!isObject(value)) return null;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  for (const key in value) {
    const item = value[key];
    if (!isPrimitive(item) && !(Array.isArray(item) && item.every(isPrimitive))) return null;
  }
  return value as Attributes;
}

// z.coerce.date(): new Date(input), refused when invalid.
function dateOf(value: unknown): Date | null {
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? null : date;
}

function fastParse(input: unknown): ParsedSpan | null {
  if (!isObject(input)) return null;
  const { projectName = "default", traceId, spanId, parentSpanId, name, statusCode = "UNSET", statusMessage = "" } = input;
  if (typeof projectName !== "string" || projectName.length < 1 || projectName.length > 200) return null;
  if (typeof traceId !== "string" || !HEX32.test(traceId)) return null;
  if (typeof spanId !== "string" || !HEX16.test(spanId)) return null;
  if (parentSpanId != null && (typeof parentSpanId !== "string" || !HEX16.test(parentSpanId))) return null;
  if (typeof name !== "string" || name.length > 1000) return null;
  if (statusCode !== "UNSET" && statusCode !== "OK" && statusCode !== "ERROR") return null;
  if (typeof statusMessage !== "string") return null;
  const startTime = dateOf(input.startTime);
  const endTime = dateOf(input.endTime);
  if (!startTime || !endTime || endTime < startTime) return null;
  const attributes = attributesOf(input.attributes);
  if (!attributes) return null;
  const events: ParsedSpan["events"] = [];
  if (input.events !== undefined) {
    if (!Array.isArray(input.events)) return null;
    for (const event of input.events) {
      if (!isObject(event) || typeof event.name !== "string") return null;
      const timestamp = dateOf(event.timestamp);
      const eventAttributes = attributesOf(event.attributes);
      if (!timestamp || !eventAttributes) return null;
      events.push({ name: event.name, timestamp, attributes: eventAttributes });
    }
  }
  return {
    projectName, traceId, spanId,
    // As zod: the key is there when the input had it (even as undefined).
    ...("parentSpanId" in input ? { parentSpanId: parentSpanId as string | null | undefined } : {}),
    name, startTime, endTime, statusCode, statusMessage, attributes, events,
  };
}

/** The spans parsed by `ingestSpanSchema`; a ValidationError naming the first wrong field. */
export function parseSpans(spans: IngestSpan[]): ParsedSpan[] {
  const parsed: ParsedSpan[] = [];
  for (const span of spans) {
    const fast = fastParse(span);
    if (!fast) return parseWithZod(spans);
    parsed.push(fast);
  }
  return parsed;
}

function parseWithZod(spans: IngestSpan[]): ParsedSpan[] {
  const parsed = z.array(ingestSpanSchema).safeParse(spans);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".");
    throw new ValidationError(`Invalid span at ${field}: ${issue.message}`, { [field]: [issue.message] });
  }
  return parsed.data;
}

/** For tests: the zod parse alone. */
export const parseSpansWithZod = parseWithZod;
