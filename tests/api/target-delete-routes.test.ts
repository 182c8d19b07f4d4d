import { describe, expect, it } from "vitest";
import { POST as deleteSessionsRoute } from "@/app/v1/sessions/delete/route";
import { DELETE as deleteSessionRoute, GET as getSession } from "@/app/v1/sessions/[session]/route";
import { DELETE as deleteSpanRoute } from "@/app/v1/spans/[span]/route";
import { DELETE as deleteTraceRoute } from "@/app/v1/traces/[trace]/route";
import { POST as postSessionNotes } from "@/app/v1/session_notes/route";
import { toGlobalId } from "@/lib/api/global-id";
import { createApiKey } from "@/lib/auth/api-keys";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

// The delete routes as Phoenix's client calls them: 204, no body, the version header.
const db = useTestDatabase();

const expectNoContent = async (response: Response) => {
  expect({ status: response.status, body: await response.text() }).toEqual({ status: 204, body: "" });
  expect(response.headers.get("x-phoenix-server-version")).toBe("20.3.0");
};

describe("span, trace and session delete routes", () => {
  it("delete a span by id, a trace by GlobalID, a session by percent-encoded GlobalID, and sessions in bulk", async () => {
    const w = await apiWorld();
    await ingestSpans([
      ...ragTrace({ start: new Date("2026-11-20T11:00:00Z"), sessionId: "s-2" }),
      ...ragTrace({ start: new Date("2026-11-20T12:00:00Z"), sessionId: "s-3" }),
      ...ragTrace({ start: new Date("2026-11-20T13:00:00Z"), sessionId: "s 4" }),
    ]);
    const key = w.lead.key;

    await expectNoContent(await call(deleteSpanRoute, { method: "DELETE", path: `/v1/spans/${w.llm.spanId}`, params: { span: w.llm.spanId }, key }));
    expect(await db.span.count({ where: { spanId: w.llm.spanId } })).toBe(0);
    expect(await db.trace.findUniqueOrThrow({ where: { traceId: w.traceId }, select: { spanCount: true } })).toEqual({ spanCount: 2 });

    const trace = toGlobalId("Trace", (await db.trace.findUniqueOrThrow({ where: { traceId: w.traceId } })).id);
    await expectNoContent(await call(deleteTraceRoute, { method: "DELETE", path: `/v1/traces/${trace}`, params: { trace }, key }));
    expect(await db.trace.count({ where: { traceId: w.traceId } })).toBe(0);
    // It was s-1's only trace: the session goes with it, as in Phoenix.
    expect(await db.session.count({ where: { sessionId: "s-1" } })).toBe(0);

    const s2 = toGlobalId("ProjectSession", (await db.session.findUniqueOrThrow({ where: { sessionId: "s-2" } })).id);
    const encoded = encodeURIComponent(s2);
    await expectNoContent(await call(deleteSessionRoute, { method: "DELETE", path: `/v1/sessions/${encoded}`, params: { session: encoded }, key }));
    const gone = await call(getSession, { path: `/v1/sessions/s-2`, params: { session: "s-2" }, key });
    expect(gone.status).toBe(404);

    // A system key has no user: history names no one (replaced_by_id null), as for its other deletes.
    const system = (await createApiKey(w.admin, { name: "cleanup", system: true, role: "ADMIN" })).secret;
    await call(postSessionNotes, { path: "/v1/session_notes", key, body: { data: { session_id: "s-3", note: "keep me in history" } } });
    await expectNoContent(await call(deleteSessionsRoute, { path: "/v1/sessions/delete", key: system, body: { session_identifiers: ["s-3", "s 4", "never-was"] } }));
    expect(await db.session.count()).toBe(0);
    expect(await db.annotationHistory.findMany({ where: { explanation: "keep me in history" }, select: { action: true, replacedById: true } }))
      .toEqual([{ action: "DELETE", replacedById: null }]);
    expect(await db.span.count()).toBe(0);
  });
});
