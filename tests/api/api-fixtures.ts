import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { ragTrace } from "@/tests/fixtures/spans";

// Route handlers are called directly (no server): a Request in, a Response out.
export const BASE = "http://marginalia.test";
type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export function call(handler: unknown, init: {
  method?: string; path: string; key?: string | null; body?: string | object; params?: Record<string, string>;
  headers?: Record<string, string>;
}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  const request = new Request(`${BASE}${init.path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
  return (handler as Handler)(request, { params: Promise.resolve(init.params ?? {}) as Promise<never> });
}

const password = "correct horse battery";

/** One RAG trace in project "default" (session s-1), and a key per role. */
export async function apiWorld() {
  const spans = ragTrace({ start: new Date("2026-11-20T10:00:00Z"), sessionId: "s-1" });
  await ingestSpans(spans);
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const userKey = async (role: "REVIEWER" | "LEAD" | "VIEWER") => {
    const actor = actorForUser(await createUser(admin, { name: role, email: `${role.toLowerCase()}@t.dev`, password, role }));
    return { actor, key: (await createApiKey(actor, { name: `${role} key` })).secret };
  };
  const reviewer = await userKey("REVIEWER");
  const lead = await userKey("LEAD");
  // Viewers may not hold keys of their own; an admin's system key can act as one.
  const viewer = { key: (await createApiKey(admin, { name: "viewer", system: true, role: "VIEWER" })).secret };
  const revoked = await createApiKey(reviewer.actor, { name: "old" });
  await revokeApiKey(reviewer.actor, revoked.key.id);
  return {
    root: spans[0], retriever: spans[1], llm: spans[2], traceId: spans[0].traceId, sessionId: "s-1",
    admin, reviewer, lead, viewer, revokedKey: revoked.secret,
  };
}
