import type { IngestSpan } from "@/lib/ingest/span-input";
import { buildSession } from "./build-session";
import { createCustomerIdentity, type CustomerIdentity } from "./customer-profile";
import { pickTurnCount } from "./plan-session";
import { createRandom, hashString, type Random } from "./random";

export type DemoTraceOptions = {
  /** Number of traces (conversation turns) to generate. */
  traces?: number;
  seed?: number;
  projectName?: string;
  /** The demo period is the 30 days before this moment. */
  startAt?: Date;
  /** Spans per yielded batch, roughly: batches end on a session boundary. */
  batchSize?: number;
};

// Fixed, so the same seed gives the same data whatever the wall clock says.
export const DEFAULT_DEMO_START_AT = new Date("2026-11-20T12:00:00Z");
export const DEFAULT_DEMO_TRACES = 240;
export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_DEMO_PROJECT = "support-bot";

const PERIOD_MS = 30 * 86_400_000;
const QUIET_MS = 3_600_000;
const RETURNING_CUSTOMER = 0.25;
const REMEMBERED_CUSTOMERS = 64;

/** Session sizes that add up to exactly `traces`, none of them a single turn. */
function* sessionSizes(random: Random, traces: number) {
  let remaining = traces;
  while (remaining > 0) {
    let size = Math.min(pickTurnCount(random), remaining);
    if (remaining - size === 1) size = size < 6 ? size + 1 : size - 1;
    remaining -= size;
    yield size;
  }
}

/**
 * Deterministic demo traces of a RAG support bot for "Acme Cloud", streamed in
 * batches of whole sessions so 100k traces never sit in memory at once.
 */
export function* generateDemoTraces({
  traces = DEFAULT_DEMO_TRACES,
  seed = DEFAULT_DEMO_SEED,
  projectName = DEFAULT_DEMO_PROJECT,
  startAt = DEFAULT_DEMO_START_AT,
  batchSize = 1000,
}: DemoTraceOptions = {}): Generator<IngestSpan[]> {
  if (!Number.isInteger(traces) || traces < 0) throw new RangeError(`traces must be a whole number (got ${traces})`);
  // Trace and session ids are unique across projects, so the project is part of the seed.
  const random = createRandom(hashString(projectName, seed));
  const periodStart = startAt.getTime() - PERIOD_MS;
  const recentCustomers: CustomerIdentity[] = [];
  let firstTrace = 0;
  let batch: IngestSpan[] = [];

  for (const turnCount of sessionSizes(random, traces)) {
    // Sessions follow the trace count through the period, so time grows with the stream.
    const progress = (firstTrace + random.next() * turnCount) / traces;
    const startMs = Math.round(periodStart + progress * (PERIOD_MS - QUIET_MS));
    const identity = nextCustomer(random, recentCustomers);
    batch.push(...buildSession({ random, projectName, identity, turnCount, startMs, progress }));
    firstTrace += turnCount;
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** A new customer, or now and then one who came back with another question. */
function nextCustomer(random: Random, recent: CustomerIdentity[]): CustomerIdentity {
  if (recent.length && random.chance(RETURNING_CUSTOMER)) return random.pick(recent);
  const identity = createCustomerIdentity(random);
  recent.push(identity);
  if (recent.length > REMEMBERED_CUSTOMERS) recent.shift();
  return identity;
}
