import type { SessionRecord } from "@/lib/sessions/session-data";
import type { TraceRecord } from "@/lib/traces/query-traces";
import { toGlobalId } from "./global-id";

// Traces and sessions in the shapes of Phoenix's TraceData and SessionData.

const iso = (date: Date) => date.toISOString();

export function toWireTrace(trace: TraceRecord) {
  return {
    id: toGlobalId("Trace", trace.id),
    trace_id: trace.traceId,
    project_id: toGlobalId("Project", trace.projectId),
    start_time: iso(trace.startTime),
    end_time: iso(trace.endTime),
    token_count_prompt: trace.promptTokens,
    token_count_completion: trace.completionTokens,
    token_count_total: trace.totalTokens,
    spans:
      trace.spans?.map((span) => ({
        id: toGlobalId("Span", span.id),
        span_id: span.spanId,
        parent_id: span.parentSpanId,
        name: span.name,
        span_kind: span.spanKind,
        status_code: span.statusCode,
        start_time: iso(span.startTime),
        end_time: iso(span.endTime),
      })) ?? null,
  };
}

export function toWireSession(session: SessionRecord) {
  return {
    id: toGlobalId("ProjectSession", session.id),
    session_id: session.sessionId,
    project_id: toGlobalId("Project", session.projectId),
    start_time: iso(session.startTime),
    end_time: iso(session.endTime),
    traces: session.traces.map((trace) => ({
      id: toGlobalId("Trace", trace.id),
      trace_id: trace.traceId,
      start_time: iso(trace.startTime),
      end_time: iso(trace.endTime),
    })),
    token_count_prompt: session.promptTokens,
    token_count_completion: session.completionTokens,
    token_count_total: session.totalTokens,
  };
}
