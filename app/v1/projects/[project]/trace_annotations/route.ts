import { annotationReadRoute } from "@/lib/api/annotation-read-route";

// Phoenix: GET /v1/projects/{project}/trace_annotations (project id or name).
export const GET = annotationReadRoute("TRACE");
