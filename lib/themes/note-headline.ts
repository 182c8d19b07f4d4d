// ts_headline marks the matches of a note search with « and » (lib/themes/list-notes.ts).
// The page turns them into <mark> elements from these parts, never by injecting HTML,
// so a note that itself contains "<script>" or stray guillemets stays plain text.

export type HeadlinePart = { text: string; match: boolean };

export function headlineParts(headline: string): HeadlinePart[] {
  const parts: HeadlinePart[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  let rest = headline;
  while (rest) {
    const open = rest.indexOf("«");
    const close = open < 0 ? -1 : rest.indexOf("»", open + 1);
    if (open < 0 || close < 0) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    push(rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  return parts;
}
