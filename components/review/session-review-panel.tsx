import type { SessionReview } from "@/lib/review/trace-review";
import { mineFor } from "@/lib/review/trace-review";
import { AnnotationList, DeletedAnnotationList } from "./annotation-list";
import { NotesThread } from "./notes-thread";
import { queueRubrics, type QueueFocus } from "./review-panel";
import { RubricForm } from "./rubric-form";
import { ReviewShortcuts, type Shortcut } from "./shortcut-sheet";

// Session-level review: rubric forms, everyone's values and the session's notes.
// In a queue (`queue`), its rubrics only, each required before Enter submits.
export function SessionReviewPanel({ review, sessionId, shortcuts, queue }: { review: SessionReview; sessionId: string; shortcuts?: Shortcut[]; queue?: QueueFocus }) {
  const rubrics = queue ? queueRubrics(review.rubrics, queue) : review.rubrics;
  return (
    <div className="space-y-4" data-review-panel>
      <ReviewShortcuts extra={shortcuts} />
      {review.canAnnotate && rubrics.length > 0 ? (
        <section aria-label="Session rubrics" className="space-y-2">
          <h2 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{queue ? "Session · the queue's rubrics" : "Session"}</h2>
          {rubrics.map((rubric) => (
            <RubricForm
              key={rubric.name}
              rubric={rubric}
              target={{ type: "SESSION", sessionId }}
              mine={mineFor(review.annotations, rubric.name)}
              readOnly={!review.canAnnotate}
              required={queue ? !queue.revisit : undefined}
            />
          ))}
        </section>
      ) : null}
      <AnnotationList title="Annotations on this session" annotations={review.annotations} />
      <DeletedAnnotationList deleted={review.deletedAnnotations} />
      <NotesThread notes={review.notes} targets={[{ kind: "SESSION", externalId: sessionId, label: "this session" }]} canWrite={review.canNote} />
    </div>
  );
}
