import { annotationWriteRoute } from "@/lib/api/annotation-write-route";

// Phoenix: POST /v1/span_annotations?sync=… (upserts; ids in input order when sync=true).
export const POST = annotationWriteRoute("SPAN");
