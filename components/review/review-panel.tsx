import type { TraceReview } from "@/lib/review/trace-review";
import { mineFor } from "@/lib/review/trace-review";
import { AnnotationList } from "./annotation-list";
import { NotesThread, type NoteTarget } from "./notes-thread";
import { RubricForm } from "./rubric-form";
import type { ReviewTarget } from "./review-target";

type Props = {
  review: TraceReview;
  trace: { traceId: string; name: string };
  span: { spanId: string; name: string; isRoot: boolean } | undefined;
};

// The side panel: rubric forms for the trace and the selected span, everyone's
// annotations, and the notes thread.
export function ReviewPanel({ review, trace, span }: Props) {
  const traceTarget: ReviewTarget = { type: "TRACE", traceId: trace.traceId };
  const noteTargets: NoteTarget[] = [
    ...(span && !span.isRoot ? [{ kind: "SPAN" as const, externalId: span.spanId, label: `span ${span.name}` }] : []),
    { kind: "TRACE", externalId: trace.traceId, label: "this trace" },
    ...(span && span.isRoot ? [{ kind: "SPAN" as const, externalId: span.spanId, label: `span ${span.name}` }] : []),
  ];
  return (
    <div className="space-y-4 p-3">
      {review.canAnnotate && review.traceRubrics.length > 0 ? (
        <section aria-label="Trace rubrics" className="space-y-2">
          <h2 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Trace</h2>
          {review.traceRubrics.map((rubric) => (
            <RubricForm key={`${trace.traceId}-${rubric.name}`} rubric={rubric} target={traceTarget} mine={mineFor(review.traceAnnotations, rubric.name)} readOnly={!review.canAnnotate} />
          ))}
        </section>
      ) : null}
      {review.canAnnotate && span && review.spanRubrics.length > 0 ? (
        <section aria-label="Span rubrics" className="space-y-2">
          <h2 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">
            Span <span className="font-mono normal-case">{span.name}</span>
          </h2>
          {review.spanRubrics.map((rubric) => (
            <RubricForm key={`${span.spanId}-${rubric.name}`} rubric={rubric} target={{ type: "SPAN", spanId: span.spanId }} mine={mineFor(review.spanAnnotations, rubric.name)} readOnly={!review.canAnnotate} />
          ))}
        </section>
      ) : null}
      <AnnotationList title="Annotations on this trace" annotations={review.traceAnnotations} />
      <AnnotationList title="Annotations on this span" annotations={[...review.spanAnnotations, ...review.documentAnnotations]} />
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
