import type { TraceDigest } from "./demo-note-digest";
import type { NoteMode, NoteTarget } from "./demo-note-candidates";
import type { Random } from "./random";

// How good each demo turn and conversation really was, on a 0–1 scale, from
// what went wrong in it: a failed span, a deflection, what the reviewers'
// notes say. Raters then see this "truth" through noise and a bias of their
// own (demo-ratings-plan.ts), so their values follow the failures and still
// disagree the way people (and an LLM judge) do.

/** What the notes say about a trace or a session: the modes written on it. */
export type NotedModes = { trace: Map<string, Set<NoteMode>>; session: Map<string, Set<NoteMode>> };

export function notedModes(notes: readonly { target: NoteTarget; traceId: string; sessionId: string; mode: NoteMode }[]): NotedModes {
  const noted: NotedModes = { trace: new Map(), session: new Map() };
  for (const note of notes) {
    const [map, key] = note.target.type === "SESSION" ? [noted.session, note.sessionId] : [noted.trace, note.traceId];
    map.set(key, (map.get(key) ?? new Set()).add(note.mode));
  }
  return noted;
}

// A wrong answer is the worst; a curt one only costs a little.
const HARM: Partial<Record<NoteMode, number>> = {
  hallucinated_policy: 0.5,
  leaked_internal: 0.45,
  wrong_tool: 0.4,
  ignored_document: 0.35,
  tone: 0.15,
};
const DEFLECTION = /couldn't find anything in our help center/;

export const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** A normal draw (Box–Muller) from the seeded random. */
export function gaussian(random: Random, sigma: number): number {
  const u = 1 - random.next();
  return sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

export type TurnQuality = { quality: number; failed: boolean; deflected: boolean; unfaithful: boolean; modes: NoteMode[] };

/** One turn: an error is useless to the customer, a deflection little better, noted problems cost what they cost. */
export function turnQuality(random: Random, d: TraceDigest, noted: NotedModes): TurnQuality {
  const modes = [...(noted.trace.get(d.traceId) ?? [])];
  const failed = d.failedKind !== null;
  const deflected = DEFLECTION.test(d.answer);
  // Some problems nobody wrote a note about: a few turns are quietly mediocre.
  const hiddenFlaw = !failed && modes.length === 0 && random.chance(0.14) ? random.between(0.2, 0.4) : 0;
  const harm = modes.reduce((sum, mode) => sum + (HARM[mode] ?? 0), 0);
  const praised = modes.includes("positive") && harm === 0 ? 0.08 : 0;
  const base = failed ? random.between(0.02, 0.12) : deflected ? random.between(0.25, 0.4) : random.between(0.75, 0.97);
  const quality = clamp01(base - Math.min(harm, 0.55) - hiddenFlaw + praised);
  const unfaithful = !failed && (modes.includes("hallucinated_policy") || modes.includes("ignored_document") || (hiddenFlaw > 0.3 && random.chance(0.5)));
  return { quality, failed, deflected, unfaithful, modes };
}

export type SessionQuality = { quality: number; failures: number; turns: number; repeated: boolean; worst: number };

/**
 * A conversation: mostly its average turn, pulled down by its worst one (a
 * customer remembers the bad answer) and by each failure they had to retry.
 */
export function sessionQuality(turns: readonly TurnQuality[], sessionModes: ReadonlySet<NoteMode> | undefined): SessionQuality {
  const qualities = turns.map((turn) => turn.quality);
  const mean = qualities.reduce((sum, q) => sum + q, 0) / qualities.length;
  const worst = Math.min(...qualities);
  const failures = turns.filter((turn) => turn.failed).length;
  const repeated = sessionModes?.has("repeated_question") ?? false;
  const praised = sessionModes?.has("positive") ? 0.05 : 0;
  const quality = clamp01(0.08 + 0.75 * mean + 0.25 * worst - 0.1 * failures - (repeated ? 0.1 : 0) + praised);
  return { quality, failures, turns: turns.length, repeated, worst };
}
