import { annotationDeleteRoute } from "@/lib/api/annotation-delete-route";
import { annotationReadRoute } from "@/lib/api/annotation-read-route";

// Phoenix: GET and DELETE /v1/projects/{project}/span_annotations (project id or name).
export const GET = annotationReadRoute("SPAN");
export const DELETE = annotationDeleteRoute("SPAN");
