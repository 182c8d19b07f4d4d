import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import { describe, expect, it } from "vitest";
import { plainParagraphs } from "./plain-note";

// What markdown makes of the text, and what the notes list draws for the paragraphs (components/notes/note-text.tsx).
const markdown = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));
const plain = (paragraphs: string[]) =>
  renderToStaticMarkup(createElement("div", null, ...paragraphs.flatMap((p, i) => (i === 0 ? [createElement("p", { key: i }, p)] : ["\n", createElement("p", { key: i }, p)])))).replace(/^<div>|<\/div>$/g, "");

describe("plainParagraphs", () => {
  it("draws plain prose exactly as markdown renders it", () => {
    const texts = [
      "Wrong tool: create_ticket before lookup_order. We escalated something the bot could have checked itself. Customer is on Business.",
      "Please no: Team gets 1,000 requests per minute. If Liam quotes this back to support we have a problem.",
      "Says 'I can open a ticket' but never calls create_ticket. Wrong/missing tool. Flagging for the weekly review!",
      "No check_service_status call, so it answered about the incident from stale docs. (checked twice)",
      "First line\nsecond line of the same paragraph.\n\nA second paragraph, 30 days later?\n\n\nA third: \"quoted\" (and 50% off) — fine.",
      "Ünïcödé prose, émojis 🙂 and http://example.com/path stay text.",
      "Trailing newline\n",
    ];
    for (const text of texts) {
      const paragraphs = plainParagraphs(text);
      expect(paragraphs, text).not.toBeNull();
      expect(plain(paragraphs!), text).toBe(markdown(text));
    }
  });

  it("leaves anything markdown gives a meaning to to markdown", () => {
    const texts = [
      "**bold** answer", "_emphasis_ here", "an _emphasised_ word", "`code`", "# Heading", "> quote", "- item", "+ item", "* item",
      "1. first", "2) second", "a [link](http://x)", "<b>html</b>", "&amp; entity", "escaped \\* star", "line  \nhard break",
      "Heading\n===", "Heading\n---", "    indented code", "\tindented", " leading space", "trailing space ", "a\r\nb", "",
    ];
    for (const text of texts) expect(plainParagraphs(text), text).toBeNull();
  });
});
