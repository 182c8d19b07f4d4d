import type { Db } from "@/lib/db";
import { ingestSpans, type IngestResult } from "@/lib/ingest/ingest-spans";
import type { IngestSpan } from "@/lib/ingest/span-input";
import { seedDemoUsers } from "@/lib/auth/demo-users";
import { seedDemoRubrics } from "./demo-rubrics";
import { DEFAULT_DEMO_PROJECT, generateDemoTraces, type DemoTraceOptions } from "./generate-demo-traces";

export type SeedProgress = IngestResult & { elapsedMs: number };

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
  // One batch in flight while the next one is generated.
  let inFlight: Promise<void> = Promise.resolve();
  for (const batch of generateDemoTraces(options)) {
    await inFlight;
    inFlight = write(batch);
  }
  await inFlight;
  // Demo accounts (README) and rubrics, so the demo can be reviewed right away.
  await seedDemoUsers(db);
  await seedDemoRubrics(db, options.projectName ?? DEFAULT_DEMO_PROJECT);
  return totals;
}
