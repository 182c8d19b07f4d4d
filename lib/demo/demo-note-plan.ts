import type { TraceDigest } from "./demo-note-digest";
import { sessionSlot, traceSlot, type NoteMode, type NoteSlot, type NoteTarget } from "./demo-note-candidates";
import { LEAD_NOTES, REPLIES } from "./demo-note-texts";
import { createRandom, hashString, type Random } from "./random";

// Which demo reviewer writes which note where, and when: about 300 notes over
// the demo traces, the same ones for the same traces on every machine.
export type DemoNoteAuthor = "reviewer@example.com" | "reviewer2@example.com" | "lead@example.com";

export type PlannedNote = {
  /** Fixed per note, so seeding twice writes each note once. */
  identifier: string;
  target: NoteTarget;
  traceId: string;
  sessionId: string;
  author: DemoNoteAuthor;
  mode: NoteMode;
  text: string;
  createdAt: Date;
};

// Notes per mode and where they come from: trace-level modes pick traces, the
// session ones whole conversations.
export const DEMO_NOTE_QUOTAS: readonly (readonly [NoteMode, "trace" | "session", number])[] = [
  ["hallucinated_policy", "trace", 70],
  ["ignored_document", "trace", 55],
  ["wrong_tool", "trace", 42],
  ["tone", "trace", 45],
  ["leaked_internal", "trace", 16],
  ["repeated_question", "session", 20],
  ["positive", "trace", 46],
  ["positive", "session", 6],
];

const AUTHORS: readonly (readonly [DemoNoteAuthor, number])[] = [
  ["reviewer@example.com", 55],
  ["reviewer2@example.com", 38],
  ["lead@example.com", 7],
];
const REPLY_SHARE = 0.2;
/** First notes a trace takes (its spans and itself together); replies come on top. */
const NOTES_PER_TRACE = 2;
const MINUTE = 60_000;

/** e2e specs search the demo for "export" and expect its traces free of notes (e2e/review-keyboard.spec.ts). */
export const NOTE_FREE = /export/i;
/** Traces nobody wrote a note on, so "Notes: without" lists some for any search. */
const UNNOTED_SHARE = 0.3;
const unnoted = (d: TraceDigest) => hashString(d.traceId) / 2 ** 32 < UNNOTED_SHARE || NOTE_FREE.test(`${d.question}\n${d.answer}`);
// The notes a mode is known by go first: a tool span for a wrong tool, the ranking for an ignored document.
const slotOrder = (slot: NoteSlot) => (slot.target.spanKind === "TOOL" || slot.target.spanKind === "RETRIEVER" ? 0 : 1);

export function planDemoNotes(digests: TraceDigest[], { seed, projectName }: { seed: number; projectName: string }): PlannedNote[] {
  const random = createRandom(hashString(`${projectName}:notes`, seed));
  const sessions = new Map<string, TraceDigest[]>();
  for (const d of digests) sessions.set(d.sessionId, [...(sessions.get(d.sessionId) ?? []), d]);
  const open = digests.filter((d) => !unnoted(d));
  const openSessions = [...sessions.values()].filter((turns) => turns.every((d) => !NOTE_FREE.test(`${d.question}\n${d.answer}`)));

  const notes: PlannedNote[] = [];
  const perTrace = new Map<string, number>();
  const cursors = new Map<readonly string[], number>();
  const takeText = (list: readonly string[], values: Record<string, string>) => pickText(random, cursors, list, values);

  for (const [mode, level, quota] of DEMO_NOTE_QUOTAS) {
    const slots = random
      .shuffle(
        level === "trace"
          ? open.map((d) => traceSlot(mode, d, random)).filter((slot): slot is NoteSlot => slot !== null)
          : openSessions.map((turns) => sessionSlot(mode as "repeated_question" | "positive", turns)).filter((slot): slot is NoteSlot => slot !== null),
      )
      .sort((a, b) => slotOrder(a) - slotOrder(b));
    const firsts: PlannedNote[] = [];
    for (let written = 0; written < quota; written++) {
      const original = firsts.length > 0 && random.chance(REPLY_SHARE) ? random.pick(firsts) : null;
      const note = original ? reply(random, original, takeText) : first(random, slots, perTrace, takeText);
      if (!note) break;
      notes.push(note);
      if (!original) firsts.push(note);
    }
  }
  return notes.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

type TakeText = (list: readonly string[], values: Record<string, string>) => string | null;

function first(random: Random, slots: NoteSlot[], perTrace: Map<string, number>, takeText: TakeText): PlannedNote | null {
  while (slots.length) {
    const slot = slots.shift()!;
    const key = slot.target.type === "SESSION" ? slot.target.id : slot.digest.traceId;
    if ((perTrace.get(key) ?? 0) >= NOTES_PER_TRACE) continue;
    const author = random.weighted(AUTHORS);
    const leadText = author === "lead@example.com" && LEAD_NOTES[slot.mode] ? takeText(LEAD_NOTES[slot.mode], slot.values) : null;
    const text = leadText ?? takeText(slot.texts, slot.values);
    if (!text) continue;
    perTrace.set(key, (perTrace.get(key) ?? 0) + 1);
    // Reviewers get to a trace within hours to a few days (squared: mostly soon).
    const delay = 20 * MINUTE + Math.round(random.next() ** 2 * 5 * 24 * 60) * MINUTE;
    return note(random, slot, author, text, new Date(slot.digest.endMs + delay));
  }
  return null;
}

function reply(random: Random, original: PlannedNote, takeText: TakeText): PlannedNote | null {
  const others = AUTHORS.filter(([author]) => author !== original.author);
  const text = takeText(REPLIES[original.mode] ?? REPLIES.positive, {});
  if (!text) return null;
  const at = new Date(original.createdAt.getTime() + random.int(15, 36 * 60) * MINUTE);
  return { ...original, identifier: identifier(random, original.target), author: random.weighted(others), text, createdAt: at };
}

function note(random: Random, slot: NoteSlot, author: DemoNoteAuthor, text: string, createdAt: Date): PlannedNote {
  return {
    identifier: identifier(random, slot.target),
    target: slot.target,
    traceId: slot.digest.traceId,
    sessionId: slot.digest.sessionId,
    author,
    mode: slot.mode,
    text,
    createdAt,
  };
}

/** The next text of the list (round robin from a random start) that the values can fill. */
function pickText(random: Random, cursors: Map<readonly string[], number>, list: readonly string[], values: Record<string, string>): string | null {
  const start = cursors.get(list) ?? random.int(0, list.length - 1);
  for (let step = 0; step < list.length; step++) {
    const index = (start + step) % list.length;
    const filled = fill(list[index], values);
    if (filled) {
      cursors.set(list, index + 1);
      return filled;
    }
  }
  return null;
}

function fill(template: string, values: Record<string, string>): string | null {
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (values[key] === undefined) missing = true;
    return values[key] ?? "";
  });
  return missing ? null : text;
}

const prefixes = { SPAN: "px-span-note:", TRACE: "px-trace-note:", SESSION: "px-session-note:" } as const;

/** The identifier writeNote gives a note, with a uuid4 drawn from the seeded random. */
function identifier(random: Random, target: NoteTarget): string {
  const hex = random.hex(32).split("");
  hex[12] = "4";
  hex[16] = "89ab"[parseInt(hex[16], 16) % 4];
  const uuid = hex.join("");
  return `${prefixes[target.type]}${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20)}`;
}
