import { z } from "zod";

// Postgres stores no NUL (U+0000) in text or jsonb, and refuses a lone UTF-16
// surrogate in jsonb (UTF-8 cannot encode one: a text column would silently get
// U+FFFD instead). Both come in as JSON escapes (`\u0000`, `\ud800`) and used to
// end as a 500 from the database; they are refused up front, naming the field.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The largest value of Postgres's `integer` columns (positions, counts, row ids). */
export const INT32_MAX = 2_147_483_647;

export const NUL_MESSAGE = "must not contain NUL characters (\\u0000)";
export const SURROGATE_MESSAGE = "must not contain unpaired UTF-16 surrogates (invalid Unicode)";

/** Why `text` cannot be stored as it is, or null when it can. */
export function unstorableReason(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return SURROGATE_MESSAGE;
  return null;
}

/** `text` with NUL and lone surrogates replaced by U+FFFD (what a UTF-8 decoder puts for bytes it cannot read). */
export function toStorableText(text: string): string {
  if (unstorableReason(text) === null) return text;
  return text.replace(/\u0000/g, "\ufffd").replace(new RegExp(LONE_SURROGATE, "g"), "\ufffd");
}

/** A zod check for string schemas: `z.string().check(storableText)`. */
export const storableText = z.superRefine<string>((text, ctx) => {
  const reason = unstorableReason(text);
  if (reason) ctx.addIssue({ code: "custom", message: reason, input: text });
});

// A key that is itself unstorable is shown JSON-escaped, so the message can be read.
const segment = (key: string | number) => (typeof key === "string" && unstorableReason(key) ? JSON.stringify(key) : String(key));

export const formatPath = (path: readonly (string | number)[]) => path.map(segment).join(".");

// Deep paths are cut: the start says where, the rest would be noise.
const shortPath = (path: (string | number)[]) => formatPath(path.slice(0, 6)) + (path.length > 6 ? "…" : "");

export type JsonProblem = { path: (string | number)[]; message: string; tooDeep?: true };

/**
 * The first string (key or value) in a parsed JSON value that cannot be
 * stored, or the first place nested deeper than `maxDepth` (the root object
 * or array is level 1). Recursion stops at `maxDepth`, so any depth is safe.
 * `depthOnly` skips the string check (for callers that sanitize instead).
 */
export function findJsonProblem(value: unknown, maxDepth: number, options: { depthOnly?: boolean } = {}): JsonProblem | null {
  return walk(value, maxDepth, !options.depthOnly, [], 0);
}

// `path` is one stack, pushed and popped (bodies can hold millions of values); copied on a find.
function walk(value: unknown, maxDepth: number, strings: boolean, path: (string | number)[], depth: number): JsonProblem | null {
  if (typeof value === "string") {
    const reason = strings ? unstorableReason(value) : null;
    return reason ? { path: [...path], message: reason } : null;
  }
  if (value === null || typeof value !== "object") return null;
  if (depth >= maxDepth) return { path: [...path], message: `is nested deeper than ${maxDepth} levels`, tooDeep: true };
  const isArray = Array.isArray(value);
  for (const key of isArray ? value.keys() : Object.keys(value)) {
    const reason = strings && typeof key === "string" ? unstorableReason(key) : null;
    if (reason) return { path: [...path, key], message: `key ${reason}` };
    path.push(key);
    const problem = walk((value as Record<string | number, unknown>)[key], maxDepth, strings, path, depth + 1);
    path.pop();
    if (problem) return problem;
  }
  return null;
}

/** How a problem reads after "Invalid request: " (the path, cut when deep). */
export function describeJsonProblem(problem: JsonProblem): { field: string; message: string } {
  const field = (problem.tooDeep ? shortPath(problem.path) : formatPath(problem.path)) || "body";
  return { field, message: problem.message };
}
