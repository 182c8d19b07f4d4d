import type { z } from "zod";

// Zod's default messages ("Too big: expected string to have <=200 characters")
// in the wire's own terms, after the field name: "name must be at most 200
// characters". Passed to every parse of a request (`parseWith`); a message a
// schema sets itself wins over these.
const article = (expected: string) => {
  const nouns: Record<string, string> = {
    string: "a string", number: "a number", int: "an integer", bigint: "an integer", boolean: "true or false",
    object: "an object", record: "an object", array: "a list", tuple: "a list", date: "a date",
  };
  return nouns[expected] ?? expected;
};

const plural = (n: unknown, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

function sizeMessage(issue: { origin?: string; inclusive?: boolean }, limit: unknown, big: boolean): string {
  const word = big ? "at most" : "at least";
  if (issue.origin === "string") {
    return !big && limit === 1 ? "must not be empty" : `must be ${word} ${plural(limit, "character")}`;
  }
  if (issue.origin === "array" || issue.origin === "set") {
    return !big && limit === 1 ? "must not be empty" : `must list ${word} ${plural(limit, "item")}`;
  }
  if (issue.inclusive === false) return `must be ${big ? "less" : "greater"} than ${limit}`;
  return `must be ${word} ${limit}`;
}

export function wireMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${article(String(issue.expected))}`;
    case "too_big":
      return sizeMessage(issue, issue.maximum, true);
    case "too_small":
      return sizeMessage(issue, issue.minimum, false);
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" ? "is not in the expected format" : `must be a valid ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `has unknown keys: ${issue.keys.join(", ")}`;
    case "invalid_union":
      return "does not match any of the accepted shapes";
    default:
      return undefined;
  }
}

/**
 * A schema-level `error` that names only the type ("is required", "must be a
 * string"): a plain message there would also replace its checks' own messages.
 */
export const typeMessage = (expected: string) => (issue: { code: string; input?: unknown }) =>
  issue.code === "invalid_type" ? (issue.input === undefined ? "is required" : `must be ${expected}`) : undefined;
