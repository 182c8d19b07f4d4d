import type { Db } from "@/lib/db";
import { DEMO_JUDGE, type PlannedRating } from "./demo-ratings-plan";

// The demo's labels and scores, written as the app and the API write them, in
// one statement: a reviewer's from the app (source APP, a human annotator,
// identifier px-app:<user id> as reviewerIdentifier gives it, their user id),
// the judge's over the API (an LLM annotator with its own identifier, no user).
// The key (target, name, identifier) is fixed per rating, so seeding again
// adds nothing; created_at/updated_at are when the rating was planned.

/** Writes the planned ratings into the project; returns how many were new. */
export async function seedDemoRatings(db: Db, projectName: string, ratings: PlannedRating[]): Promise<number> {
  if (ratings.length === 0) return 0;
  const column = <T>(pick: (rating: PlannedRating) => T) => ratings.map(pick);
  return db.$executeRaw`
    INSERT INTO annotations (target_type, target_id, document_position, name, label, score, explanation, identifier,
      project_id, span_row_id, trace_row_id, session_row_id, annotator_kind, source, user_id, created_at, updated_at)
    SELECT r.kind::"AnnotationTarget", coalesce(s.id, t.id, se.id), -1, r.name, r.label, r.score, r.explanation,
      coalesce('px-app:' || u.id::text, r.rater), p.id, s.id, coalesce(s.trace_row_id, t.id), se.id,
      (CASE WHEN u.id IS NULL THEN 'LLM' ELSE 'HUMAN' END)::"AnnotatorKind",
      (CASE WHEN u.id IS NULL THEN 'API' ELSE 'APP' END)::"AnnotationSource", u.id, r.at, r.at
    FROM unnest(${column((r) => r.target.type)}::text[], ${column((r) => r.target.id)}::text[], ${column((r) => r.name)}::text[],
      ${column((r) => r.label)}::text[], ${column((r) => r.score)}::float8[], ${column((r) => r.explanation)}::text[],
      ${column((r) => r.rater)}::text[], ${column((r) => r.createdAt.toISOString())}::timestamptz[])
      AS r(kind, external_id, name, label, score, explanation, rater, at)
    JOIN projects p ON p.name = ${projectName}
    LEFT JOIN users u ON u.email = r.rater
    LEFT JOIN spans s ON r.kind = 'SPAN' AND s.span_id = r.external_id AND s.project_id = p.id
    LEFT JOIN traces t ON r.kind = 'TRACE' AND t.trace_id = r.external_id AND t.project_id = p.id
    LEFT JOIN sessions se ON r.kind = 'SESSION' AND se.session_id = r.external_id AND se.project_id = p.id
    WHERE coalesce(s.id, t.id, se.id) IS NOT NULL AND (u.id IS NOT NULL OR r.rater = ${DEMO_JUDGE})
    ON CONFLICT (target_type, target_id, document_position, name, identifier) DO NOTHING`;
}
