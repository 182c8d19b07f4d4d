import { prisma } from "@/lib/db";
import { setHistoryActor } from "@/lib/annotations/history-actor";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { refreshSessionSummaries, refreshTraceSummaries } from "@/lib/ingest/refresh-summaries";
import { queueTargetExists } from "@/lib/queues/target-exists";

type Tx = Prisma.TransactionClient;

// Deleting spans, traces and sessions, by row id, in one transaction.
//
// Annotations and notes go with their target by foreign-key cascade: span and
// document annotations hang on span_row_id (and on trace_row_id, the span's
// trace), trace annotations on trace_row_id, session annotations on
// session_row_id. The history trigger keeps every cascaded row, with the actor
// set first. traces.session_row_id is ON DELETE SET NULL (a session is a
// grouping, not an owner, for ingest), so a session's traces are deleted here
// explicitly; their spans and annotations cascade from them.
//
// Summaries follow (lib/ingest/refresh-summaries.ts): a trace that lost spans is
// recomputed (its root may move to the earliest orphan), a session that lost
// traces too. As in Phoenix, a trace left without spans is deleted, and so is a
// session left without traces (Phoenix's "deleting all traces in a session also
// deletes the session"); their annotations and notes go to history like the rest.

export type PurgeTargets = { spans?: number[]; traces?: number[]; sessions?: number[] };
export type Purged = { spans: number; traces: number; sessions: number };

// Deleting a large session cascades over many rows; Prisma's 5 s default is short.
const PURGE_TIMEOUT_MS = 120_000;

/**
 * Deletes the rows and what hangs on them; `check` runs inside the transaction
 * with the counts of the rows named (not those cascaded) and may throw to roll
 * everything back (a target that vanished meanwhile: 404, nothing changed).
 */
export async function purgeTargets(actor: Actor, targets: PurgeTargets, check?: (purged: Purged) => void): Promise<Purged> {
  const spans = targets.spans ?? [];
  const traces = targets.traces ?? [];
  const sessions = targets.sessions ?? [];
  return prisma.$transaction(async (tx) => {
    await setHistoryActor(tx, actor);
    const deletedSpans = spans.length
      ? await tx.$queryRaw<{ traceRowId: number }[]>`
          DELETE FROM spans WHERE id = ANY(${spans}::int[]) RETURNING trace_row_id AS "traceRowId"`
      : [];
    const touched = [...new Set(deletedSpans.map((row) => row.traceRowId))];
    const deletedTraces = traces.length || sessions.length || touched.length
      ? await tx.$queryRaw<{ id: number; sessionRowId: number | null; named: boolean }[]>`
          DELETE FROM traces t
          WHERE t.id = ANY(${traces}::int[]) OR t.session_row_id = ANY(${sessions}::int[])
            OR (t.id = ANY(${touched}::int[]) AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.trace_row_id = t.id))
          RETURNING t.id, t.session_row_id AS "sessionRowId", t.id = ANY(${traces}::int[]) AS named`
      : [];
    const lessTraces = [...new Set(deletedTraces.flatMap((row) => row.sessionRowId ?? []))];
    const deletedSessions = sessions.length || lessTraces.length
      ? await tx.$queryRaw<{ id: number; named: boolean }[]>`
          DELETE FROM sessions s
          WHERE s.id = ANY(${sessions}::int[])
            OR (s.id = ANY(${lessTraces}::int[]) AND NOT EXISTS (SELECT 1 FROM traces t WHERE t.session_row_id = s.id))
          RETURNING s.id, s.id = ANY(${sessions}::int[]) AS named`
      : [];
    const purged = {
      spans: deletedSpans.length,
      traces: deletedTraces.filter((row) => row.named).length,
      sessions: deletedSessions.filter((row) => row.named).length,
    };
    check?.(purged);

    const goneTraces = new Set(deletedTraces.map((row) => row.id));
    await refreshTraceSummaries(tx, touched.filter((id) => !goneTraces.has(id)));
    const goneSessions = new Set(deletedSessions.map((row) => row.id));
    await refreshSessionSummaries(tx, lessTraces.filter((id) => !goneSessions.has(id)));
    if (deletedSpans.length || deletedTraces.length || deletedSessions.length) await releaseDeletedClaims(tx);
    return purged;
  }, { timeout: PURGE_TIMEOUT_MS, maxWait: 30_000 });
}

/**
 * Queue items whose target is gone stay (the queue page says "deleted"), but no
 * claim on them stays held: they are neither in progress nor handed out again
 * (claimNextSql skips them). Claims are few (one per reviewer and queue), so
 * checking every held claim is cheap.
 */
async function releaseDeletedClaims(tx: Tx) {
  await tx.$executeRaw`
    UPDATE queue_items i SET claimed_by_id = NULL, claimed_at = NULL, claim_expires_at = NULL
    FROM review_queues q
    WHERE q.id = i.queue_id AND i.claimed_by_id IS NOT NULL AND NOT ${queueTargetExists(Prisma.sql`q.target_kind`)}`;
}
