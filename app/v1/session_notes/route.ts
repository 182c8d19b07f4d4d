import { noteWriteRoute } from "@/lib/api/annotation-write-route";

// Phoenix: POST /v1/session_notes with {data: {session_id, note, identifier?}}.
export const POST = noteWriteRoute("SESSION");
