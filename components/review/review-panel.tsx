import type { ReviewRubric } from "@/lib/review/rubric-values";
import type { TraceReview } from "@/lib/review/trace-review";
import { mineFor } from "@/lib/review/mine-for";
import { AnnotationList, DeletedAnnotationList } from "./annotation-list";
import { NotesThread, type NoteTarget } from "./notes-thread";
import { RubricForm } from "./rubric-form";
import type { ReviewTarget } from "./review-target";

/**
 * Review mode bound to a queue: on the queue's target (the trace, a span of it
 * with `spanId`, or the session) the panel asks for the queue's rubrics only,
 * first, each one required before Enter submits; elsewhere nothing is required.
 */
export type QueueFocus = { rubricIds: number[]; spanId?: string; revisit?: boolean };

/** The queue's rubrics among those offered, in the queue's order. */
export function queueRubrics(rubrics: ReviewRubric[], queue: QueueFocus): ReviewRubric[] {
  return queue.rubricIds.flatMap((id) => rubrics.filter((rubric) => rubric.id === id));
}

type Props = {
  review: TraceReview;
  trace: { traceId: string; name: string };
  span: { spanId: string; name: string; isRoot: boolean } | undefined;
  queue?: QueueFocus;
};

// The side panel: rubric forms for the trace and the selected span, everyone's
// annotations, and the notes thread.
export function ReviewPanel({ review, trace, span, queue }: Props) {
  const onQueueTrace = Boolean(queue && !queue.spanId);
  const onQueueSpan = Boolean(queue?.spanId && queue.spanId === span?.spanId);
  const traceRubrics = queue && onQueueTrace ? queueRubrics(review.traceRubrics, queue) : review.traceRubrics;
  const spanRubrics = queue && onQueueSpan ? queueRubrics(review.spanRubrics, queue) : review.spanRubrics;
  // In a queue, only its rubrics on its target hold Enter back.
  // Revisiting an item I finished or skipped, nothing does: the answers save as they change.
  const requiredOnTrace = queue ? onQueueTrace && !queue.revisit : undefined;
  const requiredOnSpan = queue ? onQueueSpan && !queue.revisit : undefined;
  const traceTarget: ReviewTarget = { type: "TRACE", traceId: trace.traceId };
  const noteTargets: NoteTarget[] = [
    ...(span && !span.isRoot ? [{ kind: "SPAN" as const, externalId: span.spanId, label: `span ${span.name}` }] : []),
    { kind: "TRACE", externalId: trace.traceId, label: "this trace" },
    ...(span && span.isRoot ? [{ kind: "SPAN" as const, externalId: span.spanId, label: `span ${span.name}` }] : []),
  ];
  const traceSection =
    review.canAnnotate && traceRubrics.length > 0 ? (
      <section key="trace" aria-label="Trace rubrics" className="space-y-2">
        <h2 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{onQueueTrace ? "Trace · the queue's rubrics" : "Trace"}</h2>
        {traceRubrics.map((rubric) => (
          <RubricForm key={`${trace.traceId}-${rubric.name}`} rubric={rubric} target={traceTarget} mine={mineFor(review.traceAnnotations, rubric.name)} readOnly={!review.canAnnotate} required={requiredOnTrace} />
        ))}
      </section>
    ) : null;
  const spanSection =
    review.canAnnotate && span && spanRubrics.length > 0 ? (
      <section key="span" aria-label="Span rubrics" className="space-y-2">
        <h2 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">
          Span <span className="font-mono normal-case">{span.name}</span>
          {onQueueSpan ? " · the queue's rubrics" : null}
        </h2>
        {spanRubrics.map((rubric) => (
          <RubricForm key={`${span.spanId}-${rubric.name}`} rubric={rubric} target={{ type: "SPAN", spanId: span.spanId }} mine={mineFor(review.spanAnnotations, rubric.name)} readOnly={!review.canAnnotate} required={requiredOnSpan} />
        ))}
      </section>
    ) : null;
  return (
    <div className="space-y-4 p-3">
      {/* A span queue's span comes first, so Tab and the digits start on its rubrics. */}
      {onQueueSpan ? [spanSection, traceSection] : [traceSection, spanSection]}
      <AnnotationList title="Annotations on this trace" annotations={review.traceAnnotations} />
      <AnnotationList title="Annotations on this span" annotations={[...review.spanAnnotations, ...review.documentAnnotations]} />
      <DeletedAnnotationList deleted={review.deletedAnnotations} />
      <NotesThread notes={review.notes} targets={noteTargets} canWrite={review.canNote} />
    </div>
  );
}

/** Relevance controls for each retrieved document of the selected span. */
export function documentControls(review: TraceReview, spanId: string, documentCount: number): Record<number, React.ReactNode> {
  if (!review.canAnnotate || review.documentRubrics.length === 0) return {};
  return Object.fromEntries(
    Array.from({ length: documentCount }, (_, position) => [
      position,
      <div key={position} className="space-y-1.5">
        {review.documentRubrics.map((rubric) => (
          <RubricForm
            key={`${spanId}-${position}-${rubric.name}`}
            rubric={rubric}
            target={{ type: "DOCUMENT", spanId, position }}
            mine={mineFor(review.documentAnnotations, rubric.name, position)}
            readOnly={!review.canAnnotate}
            compact
          />
        ))}
      </div>,
    ]),
  );
}
