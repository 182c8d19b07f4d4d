import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { notesOnSession, notesOnTrace, type NoteView } from "./notes";
import { reviewRubricsForProject } from "./project-rubrics";
import { appliesTo, type ReviewRubric } from "./rubric-values";
import { annotationsOnTargets, deletedAnnotationsOnTargets, type DeletedAnnotation, type ShownAnnotation } from "./target-annotations";

export type TraceReview = {
  traceRubrics: ReviewRubric[];
  spanRubrics: ReviewRubric[];
  documentRubrics: ReviewRubric[];
  traceAnnotations: ShownAnnotation[];
  spanAnnotations: ShownAnnotation[];
  documentAnnotations: ShownAnnotation[];
  // Deleted from the trace or the selected span (history), newest first.
  deletedAnnotations: DeletedAnnotation[];
  notes: NoteView[];
  canAnnotate: boolean;
  canNote: boolean;
};

type SpanRef = { id: number; spanKind: string; documentCount: number } | undefined;

/** Everything the review panel shows for a trace and its selected span, in a few queries. */
export async function loadTraceReview(
  actor: Actor,
  project: { id: number; blindReview: boolean },
  traceRowId: number,
  span: SpanRef,
): Promise<TraceReview> {
  const rubrics = await reviewRubricsForProject(project.id);
  const documentRubrics = span && span.documentCount > 0 ? rubrics.filter((r) => appliesTo(r, "DOCUMENT")) : [];
  const targets = [
    { targetType: "TRACE" as const, targetId: traceRowId },
    ...(span ? [{ targetType: "SPAN" as const, targetId: span.id }] : []),
    ...(documentRubrics.length && span ? [{ targetType: "DOCUMENT" as const, targetId: span.id }] : []),
  ];
  const [annotations, deletedAnnotations, notes] = await Promise.all([
    annotationsOnTargets(actor, project, targets),
    deletedAnnotationsOnTargets(actor, project, targets),
    notesOnTrace(actor, traceRowId),
  ]);
  return {
    traceRubrics: rubrics.filter((r) => appliesTo(r, "TRACE")),
    spanRubrics: span ? rubrics.filter((r) => appliesTo(r, "SPAN", span.spanKind)) : [],
    documentRubrics,
    traceAnnotations: annotations.filter((a) => a.targetType === "TRACE"),
    spanAnnotations: annotations.filter((a) => a.targetType === "SPAN"),
    documentAnnotations: annotations.filter((a) => a.targetType === "DOCUMENT"),
    deletedAnnotations,
    notes,
    canAnnotate: can(actor, "annotate"),
    canNote: can(actor, "write-note"),
  };
}

// Kept apart (mine-for.ts) so the browser's review screen can use it without this module's database reads.
export { mineFor } from "./mine-for";

export type SessionReview = Pick<TraceReview, "notes" | "canAnnotate" | "canNote" | "deletedAnnotations"> & {
  rubrics: ReviewRubric[];
  annotations: ShownAnnotation[];
};

/** Session rubrics (e.g. user satisfaction), everyone's values and the session's notes. */
export async function loadSessionReview(
  actor: Actor,
  project: { id: number; blindReview: boolean },
  sessionRowId: number,
): Promise<SessionReview> {
  const session = [{ targetType: "SESSION" as const, targetId: sessionRowId }];
  const [rubrics, annotations, deletedAnnotations, notes] = await Promise.all([
    reviewRubricsForProject(project.id),
    annotationsOnTargets(actor, project, session),
    deletedAnnotationsOnTargets(actor, project, session),
    notesOnSession(actor, sessionRowId),
  ]);
  return {
    rubrics: rubrics.filter((r) => appliesTo(r, "SESSION")),
    annotations,
    deletedAnnotations,
    notes,
    canAnnotate: can(actor, "annotate"),
    canNote: can(actor, "write-note"),
  };
}
