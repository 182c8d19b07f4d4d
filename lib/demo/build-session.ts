import type { IngestSpan } from "@/lib/ingest/span-input";
import { customerForSession, fillTemplate, type CustomerIdentity } from "./customer-profile";
import { DEMO_MODELS, type ChatMessage } from "./llm-attributes";
import { planSession, retryQuestion } from "./plan-session";
import type { Random } from "./random";
import { buildSupportTurn } from "./support-turn";

export type SessionInput = {
  random: Random;
  projectName: string;
  identity: CustomerIdentity;
  turnCount: number;
  startMs: number;
  /** 0 at the start of the demo period, 1 at its end: later sessions run a newer app version. */
  progress: number;
};

const CHANNELS: readonly (readonly [string, number])[] = [["web-widget", 6], ["in-app", 3], ["slack", 1]];

/**
 * The traces of one conversation, one per turn, each turn starting after the
 * customer has read the previous answer. A turn that fails is asked again.
 */
export function buildSession(input: SessionInput): IngestSpan[] {
  const { random, turnCount } = input;
  const sessionId = `sess_${random.hex(20)}`;
  const customer = customerForSession(random, input.identity, new Date(input.startMs));
  const model = random.weighted(DEMO_MODELS);
  const embedQuery = random.chance(0.5);
  const metadata = JSON.stringify({
    channel: random.weighted(CHANNELS),
    app_version: input.progress < 0.6 ? "2.14.3" : "2.15.0",
    customer_plan: customer.plan,
    region: customer.region,
  });

  const plan = planSession(random, turnCount);
  const history: ChatMessage[] = [];
  const spans: IngestSpan[] = [];
  let startMs = input.startMs;
  let planIndex = 0;
  let retry = false;

  for (let turnIndex = 0; turnIndex < turnCount; turnIndex++) {
    const { topic, turn, question: template } = plan[planIndex];
    const asked = fillTemplate(template, customer);
    const question = retry ? retryQuestion(random, asked) : asked;
    const outcome = buildSupportTurn({
      random,
      projectName: input.projectName,
      sessionId,
      customer,
      topic,
      turn,
      question,
      answer: fillTemplate(turn.answer, customer),
      history: [...history],
      model,
      embedQuery,
      metadata,
      startMs,
    });
    spans.push(...outcome.spans);
    history.push({ role: "user", content: question }, { role: "assistant", content: outcome.answer });
    retry = outcome.failed;
    if (!retry) planIndex++;
    // Reading the answer and typing the next message; a retry comes quickly.
    startMs = outcome.endMs + (retry ? random.int(5, 40) : random.int(15, 240)) * 1000;
  }
  return spans;
}
