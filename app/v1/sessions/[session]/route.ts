import { parseGlobalId } from "@/lib/api/global-id";
import { apiRoute } from "@/lib/api/handler";
import { toWireSession } from "@/lib/api/trace-wire";
import { authorize } from "@/lib/auth/permissions";
import { unstorableReason } from "@/lib/api/storable-text";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { findSessionRecord } from "@/lib/sessions/session-data";
import { identifierParam } from "@/lib/api/identifier-param";
import { deleteSession } from "@/lib/deletion/delete-targets";

// Decoded like `{project}` is (lib/api/project-param.ts), but a stray "%" in a
// session id is kept as it is instead of failing the request.
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Phoenix: GET /v1/sessions/{ProjectSession GlobalID or session.id} → {data: SessionData}.
export const GET = apiRoute<{ session: string }>(async (_request, actor, params) => {
  authorize(actor, "read");
  const identifier = safeDecode(params.session);
  // apiRoute checked the raw segment; `%00` becomes a NUL only now.
  const reason = unstorableReason(identifier);
  if (reason) throw new UnprocessableError(`Invalid request: session ${reason}`, { session: [reason] });
  const rowId = parseGlobalId(identifier, "ProjectSession");
  const session =
    (rowId !== null ? await findSessionRecord({ rowId }) : null) ?? (await findSessionRecord({ sessionId: identifier }));
  if (!session) throw new NotFoundError(`Session ${identifier} does not exist.`);
  return Response.json({ data: toWireSession(session) });
});

// Phoenix: DELETE /v1/sessions/{session_identifier} → 204, with the session's traces and spans.
export const DELETE = apiRoute<{ session: string }>(async (_request, actor, params) => {
  await deleteSession(actor, identifierParam("session", params.session));
  return new Response(null, { status: 204 });
});
