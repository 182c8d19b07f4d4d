import { noteWriteRoute } from "@/lib/api/annotation-write-route";

// Phoenix: POST /v1/span_notes with {data: {span_id, note, identifier?}}.
export const POST = noteWriteRoute("SPAN");
