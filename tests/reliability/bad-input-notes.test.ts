import { describe } from "vitest";
import { POST as postSessionNotes } from "@/app/v1/session_notes/route";
import { POST as postSpanNotes } from "@/app/v1/span_notes/route";
import { POST as postTraceNotes } from "@/app/v1/trace_notes/route";
import { useTestDatabase } from "@/tests/setup/database";
import { call, itRefuses, LONE_HIGH, NUL, NUL_MESSAGE, SURROGATE_MESSAGE, type Case, type World } from "./bad-input-fixtures";

// The three note routes: what Postgres cannot store, types and sizes in wire
// terms, and the role before the target is looked up.
const db = useTestDatabase({ reset: "manual" });

const noteRoutes = [
  { label: "span", route: postSpanNotes, path: "/v1/span_notes", id: (w: World) => ({ span_id: w.root.spanId }) },
  { label: "trace", route: postTraceNotes, path: "/v1/trace_notes", id: (w: World) => ({ trace_id: w.traceId }) },
  { label: "session", route: postSessionNotes, path: "/v1/session_notes", id: (w: World) => ({ session_id: w.sessionId }) },
];
const noteCases: Case[] = noteRoutes.flatMap((r) => {
  const note = (w: World, data: object, key = w.reviewer.key) => call(r.route, { path: r.path, key, body: { data: { ...r.id(w), note: "hm", ...data } } });
  const idField = `${r.label}_id`;
  return [
    { name: `${r.label} note: NUL in the note`, status: 422, message: `Invalid request: data.note ${NUL_MESSAGE}`,
      send: (w) => note(w, { note: `a${NUL}b` }) },
    { name: `${r.label} note: lone surrogate in the note`, status: 422, message: `Invalid request: data.note ${SURROGATE_MESSAGE}`,
      send: (w) => note(w, { note: `a${LONE_HIGH}` }) },
    { name: `${r.label} note: NUL in the identifier`, status: 422, message: `Invalid request: data.identifier ${NUL_MESSAGE}`,
      send: (w) => note(w, { identifier: `me${NUL}` }) },
    { name: `${r.label} note: NUL in ${idField}`, status: 422, message: `Invalid request: data.${idField} ${NUL_MESSAGE}`,
      send: (w) => note(w, { [idField]: `x${NUL}` }) },
    { name: `${r.label} note: a numeric note`, status: 422, message: "Invalid request: data.note must be a string",
      send: (w) => note(w, { note: 42 }) },
    { name: `${r.label} note: no note`, status: 422, message: "Invalid request: data.note is required",
      send: (w) => note(w, { note: undefined }) },
    { name: `${r.label} note: a viewer's key on an unknown target`, status: 403, message: "Your role (viewer) may not write notes.",
      send: (w) => note(w, { [idField]: "no-such-target" }, w.viewer.key) },
  ];
});
const moreNoteCases: Case[] = [
  { name: "note over 100000 characters", status: 422, message: "Invalid request: data.note must be at most 100000 characters",
    send: (w) => call(postSpanNotes, { path: "/v1/span_notes", key: w.reviewer.key, body: { data: { span_id: w.root.spanId, note: "n".repeat(100_001) } } }) },
  { name: "note data as a list", status: 422, message: "Invalid request: data must be an object",
    send: (w) => call(postSpanNotes, { path: "/v1/span_notes", key: w.reviewer.key, body: { data: [] } }) },
  { name: "note on an unknown trace", status: 404, message: "Traces with IDs 0123456789abcdef0123456789abcdef do not exist.",
    send: (w) => call(postTraceNotes, { path: "/v1/trace_notes", key: w.reviewer.key, body: { data: { trace_id: "0123456789abcdef0123456789abcdef", note: "hm" } } }) },
  { name: "note on an unknown session", status: 404, message: "Sessions with IDs nope do not exist.",
    send: (w) => call(postSessionNotes, { path: "/v1/session_notes", key: w.reviewer.key, body: { data: { session_id: "nope", note: "hm" } } }) },
];

describe("note routes refuse bad input and change nothing", () => {
  itRefuses(db, [...noteCases, ...moreNoteCases]);
});
