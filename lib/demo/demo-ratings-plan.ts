import type { TraceDigest } from "./demo-note-digest";
import type { NoteMode, NoteTarget } from "./demo-note-candidates";
import { clamp01, gaussian, notedModes, sessionQuality, turnQuality, type SessionQuality, type TurnQuality } from "./demo-ratings-quality";
import { demoRubrics } from "./demo-rubrics";
import { createRandom, hashString, type Random } from "./random";

// The demo's labels and scores: user_satisfaction on most conversations by the
// two reviewers and the lead, correctness and helpfulness on a good share of
// turns, faithfulness on some answers — each rater on a large subset of their
// own, overlapping the others' — and an LLM judge over the API on (nearly)
// everything, a little more generous than people. Values follow what went
// wrong (demo-ratings-quality.ts); the same ones for the same traces on every machine.

export const DEMO_JUDGE = "judge:gpt-4o-mini";
export type DemoHuman = "reviewer@example.com" | "reviewer2@example.com" | "lead@example.com";
export type DemoRater = DemoHuman | typeof DEMO_JUDGE;

export type PlannedRating = {
  target: { type: "SESSION" | "TRACE" | "SPAN"; id: string };
  traceId: string | null;
  sessionId: string;
  name: "user_satisfaction" | "correctness" | "helpfulness" | "faithfulness";
  label: string | null;
  score: number | null;
  explanation: string | null;
  rater: DemoRater;
  createdAt: Date;
};

type Profile = {
  rater: DemoRater;
  /** Added to the true quality (0–1): above 0 is generous. */
  bias: number;
  /** How far one look strays from the truth. */
  sigma: number;
  /** Shares of the open sessions, traces and answer spans this rater gets to. */
  sessions: number;
  traces: number;
  spans: number;
};

export const DEMO_RATERS: readonly Profile[] = [
  { rater: "reviewer@example.com", bias: 0, sigma: 0.08, sessions: 0.75, traces: 0.6, spans: 0.3 },
  { rater: "reviewer2@example.com", bias: -0.04, sigma: 0.08, sessions: 0.65, traces: 0.5, spans: 0.2 },
  { rater: "lead@example.com", bias: 0.02, sigma: 0.08, sessions: 0.5, traces: 0, spans: 0 },
  { rater: DEMO_JUDGE, bias: 0.1, sigma: 0.06, sessions: 1, traces: 0.85, spans: 0.7 },
];

/**
 * e2e specs label the traces these searches find and expect them unlabelled
 * (review.spec.ts: refund, outage, sso; review-keyboard.spec.ts: invoice,
 * export, invite, upgrade; review-list.spec.ts: sso): stems, as the full-text
 * search matches prefixes of stemmed words, and the root input and output are what it searches.
 */
export const TRACE_RATING_FREE = /refund|invoic|export|invit|upgrad|sso|outag/i;
/** e2e/sessions.spec.ts rates "export" conversations and expects no other rating on them. */
export const SESSION_RATING_FREE = /export/i;

const MINUTE = 60_000;
const DAY = 86_400_000;
const NEGATIVE: readonly NoteMode[] = ["hallucinated_policy", "ignored_document", "wrong_tool", "leaked_internal"];
const correctnessScore = new Map(
  (demoRubrics.find((rubric) => rubric.name === "correctness")!.values as { label: string; score: number }[]).map((v) => [v.label, v.score]),
);
const faithfulnessScore = { faithful: 1, unfaithful: 0 } as const;

const textOf = (d: TraceDigest) => `${d.question}\n${d.answer}`;

type Notes = readonly { target: NoteTarget; traceId: string; sessionId: string; mode: NoteMode }[];

export function planDemoRatings(digests: TraceDigest[], notes: Notes, { seed, projectName }: { seed: number; projectName: string }): PlannedRating[] {
  const random = createRandom(hashString(`${projectName}:ratings`, seed));
  const noted = notedModes(notes);
  const sessions = new Map<string, TraceDigest[]>();
  for (const d of digests) sessions.set(d.sessionId, [...(sessions.get(d.sessionId) ?? []), d]);

  const ratings: PlannedRating[] = [];
  for (const [sessionId, turns] of sessions) {
    const qualities = turns.map((d) => turnQuality(random, d, noted));
    const session = sessionQuality(qualities, noted.session.get(sessionId));
    const open = !turns.some((d) => SESSION_RATING_FREE.test(textOf(d)));
    const last = turns.at(-1)!;
    for (const profile of DEMO_RATERS) {
      if (!open || !random.chance(profile.sessions)) continue;
      const score = Math.round(1 + 4 * perceived(random, session.quality, profile));
      const at = ratedAt(random, profile.rater, Math.max(...turns.map((d) => d.endMs)));
      ratings.push({
        target: { type: "SESSION", id: sessionId }, traceId: null, sessionId, name: "user_satisfaction",
        label: null, score, explanation: profile.rater === DEMO_JUDGE ? sessionReason(session, score) : null,
        rater: profile.rater, createdAt: at,
      });
    }
    turns.forEach((d, index) => ratings.push(...rateTurn(random, d, qualities[index], last)));
  }
  return ratings.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function rateTurn(random: Random, d: TraceDigest, turn: TurnQuality, last: TraceDigest): PlannedRating[] {
  if (TRACE_RATING_FREE.test(textOf(d))) return [];
  const ratings: PlannedRating[] = [];
  const base = { traceId: d.traceId, sessionId: d.sessionId };
  for (const profile of DEMO_RATERS) {
    const judge = profile.rater === DEMO_JUDGE;
    // People review a conversation's turns together, after it ended; the judge runs on each turn.
    const at = ratedAt(random, profile.rater, judge ? d.endMs : last.endMs);
    if (random.chance(profile.traces)) {
      const seen = perceived(random, turn.quality, profile);
      const label = turn.failed ? "incorrect" : seen >= 0.68 ? "correct" : seen >= 0.42 ? "partially_correct" : "incorrect";
      ratings.push({
        ...base, target: { type: "TRACE", id: d.traceId }, name: "correctness", label, score: correctnessScore.get(label)!,
        explanation: judge ? correctnessReason(turn, label) : null, rater: profile.rater, createdAt: at,
      });
      // Helpfulness most of the time with it, a little later.
      if (judge || random.chance(0.85)) {
        const score = Math.round(10 * clamp01(seen + gaussian(random, 0.04)));
        ratings.push({ ...base, target: { type: "TRACE", id: d.traceId }, name: "helpfulness", label: null, score, explanation: null,
          rater: profile.rater, createdAt: new Date(at.getTime() + random.int(10, 90) * 1000) });
      }
    }
    if (d.llmSpanId && !turn.failed && random.chance(profile.spans)) {
      // People catch most unfaithful answers; the judge lets a good share pass.
      const caught = turn.unfaithful ? random.chance(judge ? 0.6 : 0.88) : random.chance(judge ? 0.03 : 0.07);
      const label = caught ? "unfaithful" : "faithful";
      ratings.push({
        ...base, target: { type: "SPAN", id: d.llmSpanId }, name: "faithfulness", label, score: faithfulnessScore[label],
        explanation: judge && caught ? "States things the retrieved documents do not say." : null,
        rater: profile.rater, createdAt: new Date(at.getTime() + random.int(30, 240) * 1000),
      });
    }
  }
  return ratings;
}

/** The quality one rater sees: the truth, their bias, and the noise of one look. */
function perceived(random: Random, quality: number, profile: Profile): number {
  return clamp01(quality + profile.bias + gaussian(random, profile.sigma));
}

/**
 * When a rating was written: the judge minutes after the turn; people within
 * hours to a few days (squared: mostly soon), on weekdays.
 */
function ratedAt(random: Random, rater: DemoRater, afterMs: number): Date {
  if (rater === DEMO_JUDGE) return new Date(afterMs + random.int(3, 45) * MINUTE);
  let at = afterMs + 20 * MINUTE + Math.round(random.next() ** 2 * 4 * 24 * 60) * MINUTE;
  const weekday = new Date(at).getUTCDay();
  // A weekend's conversations wait for Monday or Tuesday.
  if (weekday === 6 || weekday === 0) at += (weekday === 6 ? 2 : 1) * DAY + random.int(0, 1) * DAY;
  return new Date(at);
}

function sessionReason(session: SessionQuality, score: number): string {
  if (session.failures > 0) {
    return `${session.failures} of ${session.turns} turns ended in an error and the customer had to ask again.`;
  }
  if (session.repeated) return "The customer had to repeat the question before getting a usable answer.";
  if (score <= 2) return "At least one answer was wrong or off-topic, and the customer left without a resolution.";
  if (score === 3) return "Partly helpful: some answers were vague or missed a detail the customer needed.";
  return "The questions were answered directly and the customer's issue was resolved.";
}

function correctnessReason(turn: TurnQuality, label: string): string {
  if (turn.failed) return "The turn failed with an error; no answer was given.";
  if (label === "correct") return "Consistent with the retrieved help-center articles.";
  if (turn.deflected) return "Deflects instead of answering, although the help center covers this.";
  if (turn.modes.some((mode) => NEGATIVE.includes(mode))) return "Contradicts or goes beyond the help-center article on this topic.";
  return label === "incorrect" ? "Answers a different question than the one asked." : "Right direction, but a detail is missing or imprecise.";
}
