import { describe, expect, it } from "vitest";
import { POST as postSessionNotes } from "@/app/v1/session_notes/route";
import { POST as postSpanNotes } from "@/app/v1/span_notes/route";
import { POST as postTraceNotes } from "@/app/v1/trace_notes/route";
import { writeNote } from "@/lib/annotations/notes";
import { createApiKey } from "@/lib/auth/api-keys";
import { actorForUser } from "@/lib/auth/sessions";
import { createUser } from "@/lib/auth/users";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

const db = useTestDatabase();

// A note belongs to its author: another key naming its identifier gets 403 and
// the row stays as it was (owner, source, text, no history), on all three routes.
async function world() {
  const w = await apiWorld();
  const b = actorForUser(await createUser(w.admin, { name: "B", email: "b@t.dev", password: "correct horse battery", role: "REVIEWER" }));
  const bKey = (await createApiKey(b, { name: "b key" })).secret;
  const routes = [
    { kind: "SPAN", route: postSpanNotes, path: "/v1/span_notes", field: "span_id", id: w.root.spanId },
    { kind: "TRACE", route: postTraceNotes, path: "/v1/trace_notes", field: "trace_id", id: w.traceId },
    { kind: "SESSION", route: postSessionNotes, path: "/v1/session_notes", field: "session_id", id: w.sessionId },
  ] as const;
  return { ...w, bKey, routes };
}

const noteRow = (id: number) =>
  db.annotation.findUniqueOrThrow({ where: { id }, select: { userId: true, source: true, explanation: true, identifier: true, updatedAt: true } });

describe("note ownership", () => {
  it("refuses another reviewer's key overwriting an API note or a browser note, on every note route", async () => {
    const w = await world();
    for (const r of w.routes) {
      const api = await call(r.route, { path: r.path, key: w.reviewer.key, body: { data: { [r.field]: r.id, note: "A's API note", identifier: `a-${r.kind}` } } });
      expect(api.status).toBe(200);
      const apiId = Number((await api.json()).data.id);
      const browserId = await writeNote(w.reviewer.actor, r.kind, r.id, "A's browser note", { source: "APP" });
      for (const id of [apiId, browserId]) {
        const before = await noteRow(id);
        const response = await call(r.route, { path: r.path, key: w.bKey, body: { data: { [r.field]: r.id, note: "taken over", identifier: before.identifier } } });
        expect(response.status).toBe(403);
        expect(await response.text()).toMatch(/belongs to someone else/);
        expect(await noteRow(id)).toEqual(before);
      }
    }
    expect(await db.annotation.count({ where: { userId: { not: w.reviewer.actor.userId } } })).toBe(0);
    expect(await db.annotationHistory.count()).toBe(0);
  });

  it("refuses a lead too (no role overwrites someone else's note), while the author still updates theirs", async () => {
    const w = await world();
    const id = await writeNote(w.reviewer.actor, "TRACE", w.traceId, "draft", { identifier: "a-note", source: "APP" });
    const body = (note: string) => ({ data: { trace_id: w.traceId, note, identifier: "a-note" } });
    const refused = await call(postTraceNotes, { path: "/v1/trace_notes", key: w.lead.key, body: body("settled") });
    expect(refused.status).toBe(403);
    expect(await noteRow(id)).toMatchObject({ userId: w.reviewer.actor.userId, source: "APP", explanation: "draft" });

    const own = await call(postTraceNotes, { path: "/v1/trace_notes", key: w.reviewer.key, body: body("final") });
    expect(own.status).toBe(200);
    expect(Number((await own.json()).data.id)).toBe(id);
    expect(await noteRow(id)).toMatchObject({ userId: w.reviewer.actor.userId, source: "API", explanation: "final" });
    expect(await db.annotationHistory.findMany({ select: { explanation: true, source: true } })).toEqual([{ explanation: "draft", source: "APP" }]);
  });
});
