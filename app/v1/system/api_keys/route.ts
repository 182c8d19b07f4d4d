import { apiRoute, parseWith, readJson } from "@/lib/api/handler";
import { systemKeyGlobalId } from "@/lib/api/system-key-id";
import { authorize } from "@/lib/auth/permissions";
import { createSystemApiKey, listSystemApiKeys, newSystemKeySchema, type SystemKey } from "@/lib/auth/system-api-keys";
import { ForbiddenError } from "@/lib/errors";

// Our keys keep no description and never expire: both are null on the wire.
const wire = (key: SystemKey) => ({
  id: systemKeyGlobalId(key.id), name: key.name, description: null,
  created_at: key.createdAt.toISOString(), expires_at: null,
});

// Phoenix: GET /v1/system/api_keys → {data: [{id, name, description, created_at, expires_at}]} (admins).
export const GET = apiRoute(async (_request, actor) => {
  authorize(actor, "manage-system-keys");
  return Response.json({ data: (await listSystemApiKeys(actor)).map(wire) });
});

// Phoenix: POST /v1/system/api_keys {data: {name, description, expires_at}} → 201 {data: {…, key}}.
// "API keys cannot mint keys": every REST caller holds a key, except the
// built-in local admin when AUTH_DISABLED=1; signed-in admins use Settings → API keys.
export const POST = apiRoute(async (request, actor) => {
  authorize(actor, "manage-system-keys");
  if (actor.kind !== "local") {
    throw new ForbiddenError("API keys cannot mint keys: an admin creates system keys in Settings → API keys.");
  }
  const body = parseWith(newSystemKeySchema, await readJson(request));
  const { secret, key } = await createSystemApiKey(actor, body);
  return Response.json({ data: { ...wire(key), key: secret } }, { status: 201 });
});
