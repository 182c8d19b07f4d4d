import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { annotationReader, visibleAnnotation } from "@/lib/review/blind-review";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/themes/theme-schemas";
import { groupNoteIdsSchema } from "./suggest-schemas";

// Optional, never required: with LLM_BASE_URL, LLM_API_KEY and LLM_MODEL set
// (any OpenAI-compatible endpoint), "Name with LLM" asks it for a theme name and
// a one-line definition of a suggested group. Without them there is no button.

const TIMEOUT_MS = 20_000;
// The prompt carries at most this many notes, each cut to this many characters.
const PROMPT_NOTES = 20;
const NOTE_CHARS = 500;

export function llmConfigured(): boolean {
  return Boolean(process.env.LLM_BASE_URL && process.env.LLM_API_KEY && process.env.LLM_MODEL);
}

export type LlmName = { name: string; definition: string };

export async function nameGroupWithLlm(
  actor: Actor | null,
  projectId: number,
  noteIds: number[],
  { timeoutMs = TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<LlmName> {
  authorize(actor, "manage-themes");
  if (!llmConfigured()) throw new UnprocessableError("No LLM is configured (LLM_BASE_URL, LLM_API_KEY and LLM_MODEL).");
  const input = parseInput(groupNoteIdsSchema, { noteIds });
  const texts = await noteTexts(actor, projectId, input.noteIds.slice(0, PROMPT_NOTES));
  return askForName(texts, timeoutMs);
}

async function noteTexts(actor: Actor, projectId: number, noteIds: number[]): Promise<string[]> {
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { blindReview: true } });
  if (!project) throw new NotFoundError(`Project ${projectId} does not exist.`);
  const reader = annotationReader(actor, project);
  const rows = await prisma.$queryRaw<{ text: string }[]>`
    SELECT coalesce(n.explanation, '') AS text FROM annotations n
    WHERE n.id = ANY(${noteIds}::int[]) AND n.project_id = ${projectId} AND n.name = 'note'
      AND ${visibleAnnotation(Prisma.sql`n`, reader)}
    ORDER BY n.id`;
  if (rows.length === 0) throw new NotFoundError("None of these notes is in this project.");
  return rows.map((row) => row.text.slice(0, NOTE_CHARS));
}

const instructions =
  "You help a lead group reviewers' notes about an LLM application's failures into themes. " +
  'Given notes that belong together, answer with JSON only: {"name": "...", "definition": "..."}: ' +
  "name is a short theme name (2 to 5 words), definition is one sentence saying when a trace shows this theme.";

async function askForName(notes: string[], timeoutMs: number): Promise<LlmName> {
  const url = `${process.env.LLM_BASE_URL!.replace(/\/+$/, "")}/chat/completions`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${process.env.LLM_API_KEY}` },
      body: JSON.stringify({
        model: process.env.LLM_MODEL,
        temperature: 0,
        response_format: { type: "json_object" },
        messages: [
          { role: "system", content: instructions },
          { role: "user", content: notes.map((text, i) => `Note ${i + 1}: ${text}`).join("\n\n") },
        ],
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : "it could not be reached";
    throw new UnprocessableError(`The LLM endpoint failed: ${reason}.`);
  }
  if (!response.ok) {
    throw new UnprocessableError(`The LLM endpoint failed: HTTP ${response.status} ${(await response.text().catch(() => "")).slice(0, 200)}`.trim());
  }
  return parseAnswer(await response.json().catch(() => null));
}

function parseAnswer(body: unknown): LlmName {
  const content = (body as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
  let answer: unknown;
  try {
    // Some endpoints wrap JSON in a code fence even when asked for a JSON object.
    answer = typeof content === "string" ? JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, "")) : null;
  } catch {
    answer = null;
  }
  const { name, definition } = (answer ?? {}) as { name?: unknown; definition?: unknown };
  if (typeof name !== "string" || !name.trim() || typeof definition !== "string") {
    throw new UnprocessableError("The LLM endpoint's answer had no name and definition.");
  }
  return { name: name.trim().slice(0, 120), definition: definition.trim().slice(0, 2000) };
}
