import type { ReviewAnnotationInput } from "@/lib/review/save-review-annotation";

// Where a form's annotation goes, in the wire form the save action takes.
export type ReviewTarget =
  | { type: "TRACE"; traceId: string }
  | { type: "SPAN"; spanId: string }
  | { type: "DOCUMENT"; spanId: string; position: number }
  | { type: "SESSION"; sessionId: string };

export type ResultValue = { label?: string | null; score?: number | null; explanation?: string | null };

export function toReviewInput(target: ReviewTarget, name: string, result: ResultValue): ReviewAnnotationInput {
  const base = { name, annotator_kind: "HUMAN" as const, result };
  switch (target.type) {
    case "TRACE":
      return { target: "TRACE", item: { ...base, trace_id: target.traceId } };
    case "SPAN":
      return { target: "SPAN", item: { ...base, span_id: target.spanId } };
    case "DOCUMENT":
      return { target: "DOCUMENT", item: { ...base, span_id: target.spanId, document_position: target.position } };
    case "SESSION":
      return { target: "SESSION", item: { ...base, session_id: target.sessionId } };
  }
}

export const targetKey = (target: ReviewTarget) =>
  target.type === "TRACE" ? `trace-${target.traceId}` : target.type === "SESSION" ? `session-${target.sessionId}` : target.type === "DOCUMENT" ? `doc-${target.spanId}-${target.position}` : `span-${target.spanId}`;
