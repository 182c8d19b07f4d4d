// The bench world's traces: the demo generator's support-bot sessions, padded
// to `spansPerTrace`, written through the domain ingest function OTLP uses
// (ingestSpans), so the seed exercises the same fast path the server does.
import type { Db } from "@/lib/db";
import { generateDemoTraces } from "@/lib/demo/generate-demo-traces";
import type { IngestSpan } from "@/lib/ingest/span-input";

export type SpanSeed = { traces: number; spansPerTrace: number; projectName: string; log: (line: string) => void };

// Whole sessions per batch, about this many spans: near the 512-span OTLP
// batches the ingest path is tuned for, yet few enough round trips for 1M spans.
const BATCH_SPANS = 2000;
// Batches in flight: one being written while the next is generated, and one
// more so Postgres has work while Node builds attributes (2 cores).
const IN_FLIGHT = 2;

export async function seedSpans(db: Db, { traces, spansPerTrace, projectName, log }: SpanSeed) {
  const { ingestSpans } = await import("@/lib/ingest/ingest-spans");
  const started = performance.now();
  const totals = { spans: 0, traces: 0, rejected: 0 };
  let lastLog = started;
  const pending = new Set<Promise<void>>();
  const write = async (batch: IngestSpan[]) => {
    const written = await ingestSpans(batch, db);
    totals.spans += written.spans;
    totals.traces += written.traces;
    totals.rejected += written.rejected.length;
    const now = performance.now();
    if (now - lastLog > 15_000) {
      lastLog = now;
      const seconds = (now - started) / 1000;
      log(`  spans: ${totals.spans.toLocaleString("en-US")} · ${Math.round(totals.spans / seconds).toLocaleString("en-US")} spans/s · ${seconds.toFixed(0)} s`);
    }
  };
  for (const batch of generateDemoTraces({ traces, projectName, spansPerTrace, batchSize: BATCH_SPANS })) {
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    const job: Promise<void> = write(batch).finally(() => pending.delete(job));
    pending.add(job);
  }
  await Promise.all(pending);
  if (totals.rejected) throw new Error(`ingest rejected ${totals.rejected} demo spans`);
  return { ...totals, seconds: (performance.now() - started) / 1000 };
}
