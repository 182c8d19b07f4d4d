import { apiRoute, parseWith, readJson } from "@/lib/api/handler";
import { deleteSessions, deleteSessionsSchema } from "@/lib/deletion/delete-targets";
import { authorize } from "@/lib/auth/permissions";

// Phoenix: POST /v1/sessions/delete {session_identifiers: [...]} → 204; unknown ones are skipped.
export const POST = apiRoute(async (request, actor) => {
  // The role first: a viewer learns nothing about the body.
  authorize(actor, "delete-traces");
  const body = parseWith(deleteSessionsSchema, await readJson(request));
  await deleteSessions(actor, body.session_identifiers);
  return new Response(null, { status: 204 });
});
