import { Fragment } from "react";
import { MarkdownView, prose } from "@/components/trace/markdown-view";
import { headlineParts } from "@/lib/themes/note-headline";
import { plainParagraphs } from "@/lib/themes/plain-note";

// A note's text: rendered markdown, or for a search the matching fragments with
// the matches marked (built as elements from the headline's parts, never as HTML).
export function NoteText({ text, headline }: { text: string; headline: string | null }) {
  if (headline === null) {
    // Plain prose (most notes) is drawn as markdown would draw it, without parsing it as markdown.
    const paragraphs = plainParagraphs(text);
    if (!paragraphs) return <MarkdownView text={text} />;
    return (
      <div className={prose}>
        {paragraphs.map((paragraph, index) => (
          <Fragment key={index}>
            {index > 0 ? "\n" : null}
            <p>{paragraph}</p>
          </Fragment>
        ))}
      </div>
    );
  }
  // ts_headline shows the best fragments, not the whole note: say where words were
  // left out (it drops punctuation at a fragment's edges, so compare words only).
  const flat = (value: string) => value.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const [note, shown] = [flat(text), flat(headline.replace(/[«»]/g, ""))];
  return (
    <p className="text-[13px] leading-relaxed whitespace-pre-wrap break-words text-zinc-800">
      {note.startsWith(shown) ? null : <span className="text-zinc-400">… </span>}
      {headlineParts(headline).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-zinc-900">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
      {note.endsWith(shown) ? null : <span className="text-zinc-400"> …</span>}
    </p>
  );
}
