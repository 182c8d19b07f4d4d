// OpenInference carries structured values (tool arguments, document metadata,
// `metadata`, invocation parameters) as JSON *strings*; these helpers decode them
// without ever throwing, because traces come from untrusted instrumentation.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// Only objects and arrays count: a bare `"42"` or `"true"` is better shown as text.
export function parseJsonText(text: string): JsonValue[] | { [key: string]: JsonValue } | null {
  const trimmed = text.trim();
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if (!((first === "{" && last === "}") || (first === "[" && last === "]"))) return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    return null;
  }
}

// A JSON string pretty-printed with two-space indentation; any other text unchanged.
export function prettyJsonText(text: string): string {
  const parsed = parseJsonText(text);
  return parsed === null ? text : JSON.stringify(parsed, null, 2);
}

// A value that may be a JSON string, already-decoded JSON, or plain text.
export function decodeJsonish(value: unknown): JsonValue | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return parseJsonText(value) ?? value;
  return value as JsonValue;
}
