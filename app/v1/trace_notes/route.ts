import { noteWriteRoute } from "@/lib/api/annotation-write-route";

// Phoenix: POST /v1/trace_notes with {data: {trace_id, note, identifier?}}.
export const POST = noteWriteRoute("TRACE");
