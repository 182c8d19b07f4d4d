import type { Random } from "./random";
import type { SupportTopic, SupportTurn } from "./support-topic";
import { ACCOUNT_TOPICS } from "./support-topics-account";
import { BILLING_TOPICS } from "./support-topics-billing";
import { PLATFORM_TOPICS } from "./support-topics-platform";

export const SUPPORT_TOPICS: readonly SupportTopic[] = [...BILLING_TOPICS, ...ACCOUNT_TOPICS, ...PLATFORM_TOPICS];

export type PlannedTurn = { topic: SupportTopic; turn: SupportTurn; question: string };

// Turns per session: mostly short conversations, a few long ones (mean ≈ 3.2).
const TURN_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [
  [2, 35], [3, 30], [4, 18], [5, 10], [6, 7],
];
// Prefixes end a sentence, so the question after them keeps its capital letter.
const GREETINGS = ["Hi! ", "Hello. ", "Hey there! ", "Good morning. "];
const TOPIC_SWITCHES = ["One more thing: ", "Different question: ", "Also, unrelated: ", "While I have you: "];
const CLOSING_TURN: SupportTurn = {
  ask: ["Thanks, that worked!", "Perfect, thank you.", "Great, that's all I needed.", "Got it, thanks for the help."],
  answer: "You're welcome, {name}! If anything else comes up, just ask here.",
  articles: [],
};

export function pickTurnCount(random: Random): number {
  return random.weighted(TURN_COUNT_WEIGHTS);
}

/**
 * The customer's messages for one session: the follow-ups of a topic in order,
 * sometimes a second topic once the first is exhausted, and sometimes a thank-you
 * to close. Questions still hold {placeholders}.
 */
export function planSession(random: Random, turnCount: number): PlannedTurn[] {
  const planned: PlannedTurn[] = [];
  const closes = turnCount > 1 && random.chance(0.3);
  const contentTurns = closes ? turnCount - 1 : turnCount;
  let topic = random.pick(SUPPORT_TOPICS);
  let next = 0;
  let prefix = random.chance(0.3) ? random.pick(GREETINGS) : "";

  while (planned.length < contentTurns) {
    if (next === topic.turns.length) {
      const current = topic;
      topic = random.pick(SUPPORT_TOPICS.filter((candidate) => candidate !== current));
      next = 0;
      prefix = random.pick(TOPIC_SWITCHES);
    }
    const turn = topic.turns[next++];
    planned.push({ topic, turn, question: prefix + random.pick(turn.ask) });
    prefix = "";
  }
  if (closes) planned.push({ topic, turn: CLOSING_TURN, question: random.pick(CLOSING_TURN.ask) });
  return planned;
}

const RETRY_PREFIXES = ["Trying again: ", "That errored. ", "Hello? ", ""];

/** What the customer types after the bot failed: the same question again. */
export function retryQuestion(random: Random, question: string): string {
  return random.pick(RETRY_PREFIXES) + question;
}
