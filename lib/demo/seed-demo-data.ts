import type { Db } from "@/lib/db";
import { ingestSpans, type IngestResult } from "@/lib/ingest/ingest-spans";
import type { IngestSpan } from "@/lib/ingest/span-input";
import { seedDemoUsers } from "@/lib/auth/demo-users";
import { digestBatch, type TraceDigest } from "./demo-note-digest";
import { planDemoNotes } from "./demo-note-plan";
import { seedDemoNotes } from "./demo-notes";
import { planDemoRatings } from "./demo-ratings-plan";
import { seedDemoRatings } from "./demo-ratings";
import { seedDemoRubrics } from "./demo-rubrics";
import {
  DEFAULT_DEMO_PROJECT,
  DEFAULT_DEMO_SEED,
  DEFAULT_DEMO_TRACES,
  generateDemoTraces,
  type DemoTraceOptions,
} from "./generate-demo-traces";
import { hashString } from "./random";

export type SeedProgress = IngestResult & { elapsedMs: number; notes?: number; ratings?: number };

// Notes and ratings need a few hundred traces to choose from, not all of a 100k-trace seed:
// beyond this many traces, whole sessions are sampled by their id.
const NOTE_CANDIDATE_TRACES = 1000;

export type SeedOptions = DemoTraceOptions & {
  /** Called after each batch with the running totals. */
  onProgress?: (progress: SeedProgress) => void;
};

/**
 * Writes the demo traces through the same ingest path as OTLP, batch by batch.
 * Idempotent for a given seed and project: ingest upserts by span id.
 */
export async function seedDemoData(db: Db, { onProgress, ...options }: SeedOptions = {}): Promise<SeedProgress> {
  const started = performance.now();
  const totals: SeedProgress = { spans: 0, traces: 0, sessions: 0, elapsedMs: 0 };
  const write = async (batch: IngestSpan[]) => {
    const written = await ingestSpans(batch, db);
    totals.spans += written.spans;
    totals.traces += written.traces;
    totals.sessions += written.sessions;
    totals.elapsedMs = performance.now() - started;
    onProgress?.({ ...totals });
  };
  const projectName = options.projectName ?? DEFAULT_DEMO_PROJECT;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const sampled = Math.min(1, NOTE_CANDIDATE_TRACES / (options.traces ?? DEFAULT_DEMO_TRACES));
  const digests: TraceDigest[] = [];
  // One batch in flight while the next one is generated.
  let inFlight: Promise<void> = Promise.resolve();
  for (const batch of generateDemoTraces(options)) {
    await inFlight;
    inFlight = write(batch);
    const inSample = batch.filter((span) => hashString(String(span.attributes?.["session.id"])) / 2 ** 32 < sampled);
    digests.push(...digestBatch(inSample));
  }
  await inFlight;
  // Demo accounts (README), rubrics, the reviewers' notes and everyone's labels and scores
  // (an LLM judge's too), so the demo can be reviewed, and its dashboards read, right away.
  await seedDemoUsers(db);
  await seedDemoRubrics(db, projectName);
  const notes = planDemoNotes(digests, { seed, projectName });
  totals.notes = await seedDemoNotes(db, projectName, notes);
  totals.ratings = await seedDemoRatings(db, projectName, planDemoRatings(digests, notes, { seed, projectName }));
  totals.elapsedMs = performance.now() - started;
  return totals;
}
