import { annotationReadRoute } from "@/lib/api/annotation-read-route";

// Not in Phoenix (it has no document annotation read): the same query by span_ids, rows with document_position.
export const GET = annotationReadRoute("DOCUMENT");
