import { formatValue } from "@/lib/spans/value-format";
import { JsonView } from "./json-view";
import { MarkdownView } from "./markdown-view";

// An input/output value or message content: JSON as a foldable tree, markdown
// rendered safely, anything else as preformatted text.
export function ValueView({ text, mimeType }: { text: string; mimeType?: string | null }) {
  const value = formatValue(text, mimeType);
  if (value.format === "json") return <JsonView value={value.value} />;
  if (value.format === "markdown") return <MarkdownView text={value.text} />;
  return <p className="whitespace-pre-wrap break-words text-[13px] leading-relaxed text-zinc-800">{value.text}</p>;
}
