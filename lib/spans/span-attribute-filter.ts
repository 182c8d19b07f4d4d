import { UnprocessableError } from "@/lib/errors";

export type AttributeFilter = { key: string; value: string | number | boolean };

// Phoenix's `attribute=key:value`: split on the first colon; the value is read
// as JSON (12345 a number, true a boolean, "12345" a string), else taken as
// plain text. Null, lists and objects cannot be matched.
export function parseAttributeFilter(text: string): AttributeFilter {
  const colon = text.indexOf(":");
  if (colon < 0) throw invalid(`Invalid attribute '${text}': expected format 'key:value'`);
  const key = text.slice(0, colon);
  const raw = text.slice(colon + 1);
  if (!key) throw invalid("Invalid attribute: key must not be empty");
  if (!raw) throw invalid("Invalid attribute: value must not be empty");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
    return { key, value };
  }
  throw invalid(
    `Invalid attribute value '${raw}': must be a string, integer, float, or boolean. ` +
      'To match a string that looks like a number or boolean, JSON-quote the value: `key:"12345"`.',
  );
}

const invalid = (message: string) => new UnprocessableError(message, { attribute: [message] });
