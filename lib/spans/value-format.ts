import { parseJsonText, type JsonValue } from "./json-text";

// How to show an input/output value: OpenInference gives a mime type
// (`application/json` or `text/plain`), but many SDKs send JSON as text/plain
// and markdown always as text/plain, so the content decides in the end.
export type FormattedValue =
  | { format: "json"; value: JsonValue }
  | { format: "markdown"; text: string }
  | { format: "text"; text: string };

// Lines that only make sense as markdown: headings, lists, fences, quotes, tables.
const MARKDOWN_LINE = /^(#{1,6}\s|\s*[-*+]\s+\S|\s*\d+[.)]\s+\S|```|>\s|\|.+\|)/m;
// Inline markup: **bold**, `code`, [text](url).
const MARKDOWN_INLINE = /(\*\*[^*\n]+\*\*|`[^`\n]+`|\[[^\]\n]+\]\([^)\s]+\))/;

export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_LINE.test(text) || MARKDOWN_INLINE.test(text);
}

export function formatValue(text: string, mimeType?: string | null): FormattedValue {
  const parsed = parseJsonText(text);
  if (parsed !== null) return { format: "json", value: parsed };
  if (mimeType?.toLowerCase().includes("markdown") || looksLikeMarkdown(text)) {
    return { format: "markdown", text };
  }
  return { format: "text", text };
}
