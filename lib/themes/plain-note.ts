// Most notes are a sentence or two of plain prose. Parsing each as markdown
// (react-markdown) was about half of the notes page's server CPU (50 notes:
// ~100 ms a page against ~46 ms for a search page, whose notes are headlines).
// A note that markdown would render as nothing but paragraphs of its own text
// is drawn directly. The test is conservative: any character or line shape
// that CommonMark gives a meaning to sends the note to the markdown renderer.

// Characters with a meaning in CommonMark (without GFM) wherever they stand, or too rare to bother with.
const SPECIAL = /[*`#>[\]<&\\~|=+\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
// An underscore not inside a word (it may open or close emphasis).
const LOOSE_UNDERSCORE = /(^|[^\p{L}\p{N}])_|_($|[^\p{L}\p{N}])/u;
// A line that may open a list, a heading, a thematic break, code, or a hard break before it.
const BLOCK_LINE = /^(\s|-|\d+[.)])|\s$/;

/** The note's paragraphs when markdown would render it as just those, in order; else null. */
export function plainParagraphs(text: string): string[] | null {
  if (SPECIAL.test(text) || LOOSE_UNDERSCORE.test(text)) return null;
  const lines = text.split("\n");
  if (lines.some((line) => line !== "" && BLOCK_LINE.test(line))) return null;
  const paragraphs = text.replace(/^\n+|\n+$/g, "").split(/\n{2,}/);
  return paragraphs[0] !== "" ? paragraphs : null;
}
