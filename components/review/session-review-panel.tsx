import type { SessionReview } from "@/lib/review/trace-review";
import { mineFor } from "@/lib/review/trace-review";
import { AnnotationList } from "./annotation-list";
import { NotesThread } from "./notes-thread";
import { RubricForm } from "./rubric-form";
import { ReviewShortcuts, type Shortcut } from "./shortcut-sheet";

// Session-level review: rubric forms, everyone's values and the session's notes.
export function SessionReviewPanel({ review, sessionId, shortcuts }: { review: SessionReview; sessionId: string; shortcuts?: Shortcut[] }) {
  return (
    <div className="space-y-4" data-review-panel>
      <ReviewShortcuts extra={shortcuts} />
      {review.canAnnotate && review.rubrics.length > 0 ? (
        <section aria-label="Session rubrics" className="space-y-2">
          <h2 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Session</h2>
          {review.rubrics.map((rubric) => (
            <RubricForm
              key={rubric.name}
              rubric={rubric}
              target={{ type: "SESSION", sessionId }}
              mine={mineFor(review.annotations, rubric.name)}
              readOnly={!review.canAnnotate}
            />
          ))}
        </section>
      ) : null}
      <AnnotationList title="Annotations on this session" annotations={review.annotations} />
      <NotesThread notes={review.notes} targets={[{ kind: "SESSION", externalId: sessionId, label: "this session" }]} canWrite={review.canNote} />
    </div>
  );
}
