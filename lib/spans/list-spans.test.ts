import { describe, expect, it } from "vitest";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import type { IngestSpan } from "@/lib/ingest/span-input";
import { useTestDatabase } from "@/tests/setup/database";
import { hex } from "@/tests/fixtures/spans";
import { listSpans } from "./list-spans";
import { parseSpanFilters } from "./span-filters";

const db = useTestDatabase();
const start = new Date("2026-11-20T10:00:00Z");

function llmSpan(name: string, offsetMs: number, attributes: Record<string, unknown>): IngestSpan {
  const at = new Date(start.getTime() + offsetMs);
  return {
    projectName: "default", traceId: hex(16), spanId: hex(8), name, startTime: at, endTime: new Date(at.getTime() + 100),
    attributes: { "openinference.span.kind": "LLM", "input.value": JSON.stringify({ model: "m", messages: ["…"] }), ...attributes },
  };
}

const message = (n: number, role: string, content: string) => ({
  [`llm.input_messages.${n}.message.role`]: role,
  [`llm.input_messages.${n}.message.content`]: content,
});

describe("listSpans input preview", () => {
  it("shows an LLM span's last user message instead of its raw input, and raw input otherwise", async () => {
    await ingestSpans([
      // Twelve messages: index 10 sorts after 9, so "last" must be numeric.
      llmSpan("many", 0, Object.assign({}, ...Array.from({ length: 12 }, (_, n) => message(n, n % 2 ? "assistant" : "user", `turn ${n}`)))),
      llmSpan("parts", 1000, {
        ...message(0, "system", "Be brief."),
        "llm.input_messages.1.message.role": "USER",
        "llm.input_messages.1.message.contents.0.message_content.type": "text",
        "llm.input_messages.1.message.contents.0.message_content.text": "What is on",
        "llm.input_messages.1.message.contents.1.message_content.type": "image",
        "llm.input_messages.1.message.contents.1.message_content.image.image.url": "https://example.com/a.png",
        "llm.input_messages.1.message.contents.2.message_content.text": "this picture?",
      }),
      llmSpan("no-user", 2000, message(0, "system", "Only a system prompt.")),
      { ...llmSpan("chain", 3000, message(0, "user", "not shown for a chain")), attributes: { "openinference.span.kind": "CHAIN", "input.value": "plain input", ...message(0, "user", "not shown for a chain") } },
    ]);
    const project = await db.project.findFirstOrThrow();
    const { rows } = await listSpans(project.id, parseSpanFilters({}));
    const preview = Object.fromEntries(rows.map((row) => [row.name, row.inputPreview]));
    expect(preview.many).toBe("turn 10");
    expect(preview.parts).toBe("What is on\n\nthis picture?");
    expect(preview["no-user"]).toBe(JSON.stringify({ model: "m", messages: ["…"] }));
    expect(preview.chain).toBe("plain input");
  });

  it("cuts a long message to 200 characters and keeps keyset paging", async () => {
    await ingestSpans(Array.from({ length: 5 }, (_, i) => llmSpan(`s${i}`, i * 1000, message(0, "user", `${i}`.repeat(500)))));
    const project = await db.project.findFirstOrThrow();
    const first = await listSpans(project.id, parseSpanFilters({ limit: "3" }));
    expect(first.rows.map((row) => row.name)).toEqual(["s4", "s3", "s2"]);
    expect(first.rows[0].inputPreview).toBe("4".repeat(200));
    const second = await listSpans(project.id, parseSpanFilters({ limit: "3", cursor: first.nextCursor! }));
    expect(second.rows.map((row) => row.name)).toEqual(["s1", "s0"]);
  });
});
