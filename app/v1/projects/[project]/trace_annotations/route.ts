import { annotationDeleteRoute } from "@/lib/api/annotation-delete-route";
import { annotationReadRoute } from "@/lib/api/annotation-read-route";

// Phoenix: GET and DELETE /v1/projects/{project}/trace_annotations (project id or name).
export const GET = annotationReadRoute("TRACE");
export const DELETE = annotationDeleteRoute("TRACE");
