import type { AttributeValue, Attributes } from "@/lib/ingest/span-input";
import { toStorableText } from "@/lib/api/storable-text";
import { ValidationError } from "@/lib/errors";
import type { Int64, OtlpAnyValue, OtlpKeyValue } from "./otlp-model";

// OpenInference keeps attributes flat (`llm.input_messages.0.message.role`).
// Most instrumentations send them so; a nested AnyValue (kvlist, or an array
// holding kvlists) is flattened the way OpenInference's own `flatten` does:
// map keys and list positions joined with dots. Arrays of plain values stay arrays.
// Keys and strings that Postgres cannot store (NUL, lone surrogates) get U+FFFD
// there: telemetry is kept rather than refused (see to-ingest-spans.ts).
const MAX_DEPTH = 32;

type Primitive = string | number | boolean;

export function int64ToNumber(value: Int64): number | string {
  const text = typeof value === "object" ? value.toString() : String(value);
  const number = Number(text);
  // Beyond 2^53 a number would silently change the value: keep the digits.
  return Number.isSafeInteger(number) ? number : text;
}

function primitiveOf(value: OtlpAnyValue): Primitive | undefined {
  if (value.stringValue != null) return toStorableText(value.stringValue);
  if (value.boolValue != null) return value.boolValue;
  if (value.intValue != null) return int64ToNumber(value.intValue);
  if (value.doubleValue != null) {
    const number = Number(value.doubleValue);
    // JSON (and so jsonb) has no NaN or Infinity: keep their names.
    return Number.isFinite(number) ? number : String(value.doubleValue);
  }
  if (value.bytesValue != null) {
    return typeof value.bytesValue === "string" ? toStorableText(value.bytesValue) : Buffer.from(value.bytesValue).toString("base64");
  }
  return undefined;
}

function flattenValue(out: Attributes, key: string, value: OtlpAnyValue | null | undefined, depth: number): void {
  if (!value) return;
  if (depth > MAX_DEPTH) throw new ValidationError(`Attribute ${key} is nested deeper than ${MAX_DEPTH} levels.`);
  const primitive = primitiveOf(value);
  if (primitive !== undefined) {
    out[key] = primitive;
  } else if (value.kvlistValue) {
    flattenList(out, value.kvlistValue.values, `${key}.`, depth + 1);
  } else if (value.arrayValue) {
    const items = value.arrayValue.values ?? [];
    const primitives = items.map(primitiveOf);
    if (primitives.every((p) => p !== undefined)) {
      out[key] = primitives as AttributeValue;
    } else {
      items.forEach((item, index) => flattenValue(out, `${key}.${index}`, item, depth + 1));
    }
  }
  // An AnyValue with nothing set is an empty attribute: there is nothing to keep.
}

function flattenList(out: Attributes, values: OtlpKeyValue[] | null | undefined, prefix: string, depth: number): void {
  for (const entry of values ?? []) {
    if (entry.key) flattenValue(out, prefix + toStorableText(entry.key), entry.value, depth);
  }
}

/** OTLP key-values to OpenInference's flat dot-key attributes. */
export function flattenAttributes(values: OtlpKeyValue[] | null | undefined): Attributes {
  const out: Attributes = {};
  flattenList(out, values, "", 0);
  return out;
}
