import { annotationReadRoute } from "@/lib/api/annotation-read-route";

// Phoenix: GET /v1/projects/{project}/session_annotations (project id or name).
export const GET = annotationReadRoute("SESSION");
