import type { ParsedSpan } from "./span-input";
import type { Tx } from "./ingest-spans";

// The rule for a span id or trace id seen before (README, "Phoenix clients and
// OTLP"). Span ids are unique here across traces (the spans table keys on them,
// a stricter form of OTel's per-trace uniqueness), and a trace lives in one project:
// - the same (trace id, span id) again, in the same project: an idempotent update;
// - a known span id under another trace id or project, or a known trace id under
//   another project: that span is rejected (OTLP partial success) and the stored
//   span, trace and their annotations stay exactly as they were. The rest of the
//   batch lands.
// Inside one request the first copy of a span id or trace id claims it; a later
// copy with the same trace and project still replaces it (last write wins).

export type RejectedSpan = { spanId: string; traceId: string; reason: string };

type Keyed = Pick<ParsedSpan, "spanId" | "traceId" | "projectName">;

/**
 * Splits a request's spans (in request order) into those to write and those
 * rejected, either by `stored` (index → reason, from findStoredConflicts) or
 * for disagreeing with an earlier span of the request. Rejections keep request order.
 */
export function splitConflicts<T extends Keyed>(spans: T[], stored: Map<number, RejectedSpan>): { kept: T[]; rejected: RejectedSpan[] } {
  const traceProject = new Map<string, string>();
  const spanTrace = new Map<string, Keyed>();
  const kept: T[] = [];
  const rejected: RejectedSpan[] = [];
  spans.forEach((span, index) => {
    const project = traceProject.get(span.traceId);
    const first = spanTrace.get(span.spanId);
    if (stored.has(index)) {
      rejected.push(stored.get(index)!);
    } else if (project !== undefined && project !== span.projectName) {
      rejected.push(reject(span, `trace ${span.traceId} is sent under project "${project}" earlier in this request`));
    } else if (first && (first.traceId !== span.traceId || first.projectName !== span.projectName)) {
      rejected.push(reject(span, `it is sent under trace ${first.traceId} of project "${first.projectName}" earlier in this request`));
    } else {
      traceProject.set(span.traceId, span.projectName);
      spanTrace.set(span.spanId, span);
      kept.push(span);
    }
  });
  return { kept, rejected };
}

type StoredConflict = {
  n: number; spanId: string; traceId: string; project: string;
  storedTrace: string | null; storedProject: string | null; traceProject: string | null;
};

/**
 * The spans of a batch that would move a stored span or trace, found in one
 * query (two index probes per span), with the reason for each. It also turns
 * JIT off for the rest of the transaction (see ingest-spans.ts): the set_config
 * rides along here, so that costs no round trip of its own.
 */
export async function findStoredConflicts(tx: Tx, spans: Keyed[]): Promise<Map<number, RejectedSpan>> {
  // One JSON parameter rather than three arrays: Prisma serializes arrays value by value.
  const keys = JSON.stringify(spans.map((s) => [s.spanId, s.traceId, s.projectName]));
  const rows = await tx.$queryRaw<StoredConflict[]>`
    -- MATERIALIZED: evaluated once, before any row of the join is read.
    WITH settings AS MATERIALIZED (SELECT set_config('jit', 'off', true))
    SELECT i.n::int - 1 AS n, i.span_id AS "spanId", i.trace_id AS "traceId", i.project,
      st.trace_id AS "storedTrace", sp.name AS "storedProject", tp.name AS "traceProject"
    FROM (
      SELECT k->>0 AS span_id, k->>1 AS trace_id, k->>2 AS project, n
      FROM settings, json_array_elements(${keys}::json) WITH ORDINALITY AS e(k, n)
    ) i
    LEFT JOIN spans s ON s.span_id = i.span_id
    LEFT JOIN traces st ON st.id = s.trace_row_id
    LEFT JOIN projects sp ON sp.id = s.project_id
    LEFT JOIN traces t ON t.trace_id = i.trace_id
    LEFT JOIN projects tp ON tp.id = t.project_id
    WHERE (s.id IS NOT NULL AND (st.trace_id <> i.trace_id OR sp.name <> i.project))
      OR (t.id IS NOT NULL AND tp.name <> i.project)`;
  return new Map(rows.map((row) => [row.n, reject(row, storedReason(row))]));
}

function storedReason(row: StoredConflict): string {
  if (row.storedTrace !== null && (row.storedTrace !== row.traceId || row.storedProject !== row.project)) {
    return `it already exists in trace ${row.storedTrace} of project "${row.storedProject}"`;
  }
  return `trace ${row.traceId} already exists in project "${row.traceProject}"`;
}

export const reject = (span: Pick<Keyed, "spanId" | "traceId">, why: string): RejectedSpan => ({
  spanId: span.spanId,
  traceId: span.traceId,
  reason: `span ${span.spanId} (trace ${span.traceId}) rejected: ${why}; a span or trace cannot move to another trace or project`,
});

const SHOWN = 5;

/** OTLP partial_success.error_message: how many, and why for the first few. */
export function rejectionMessage(rejected: RejectedSpan[]): string {
  if (rejected.length === 0) return "";
  const shown = rejected.slice(0, SHOWN).map((r) => r.reason).join("; ");
  const more = rejected.length > SHOWN ? `; and ${rejected.length - SHOWN} more` : "";
  return `${rejected.length} span${rejected.length === 1 ? "" : "s"} rejected. ${shown}${more}.`;
}
