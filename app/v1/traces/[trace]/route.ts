import { apiRoute } from "@/lib/api/handler";
import { identifierParam } from "@/lib/api/identifier-param";
import { deleteTrace } from "@/lib/deletion/delete-targets";

// Phoenix: DELETE /v1/traces/{trace_identifier} (OTel trace id or Trace GlobalID) → 204.
export const DELETE = apiRoute<{ trace: string }>(async (_request, actor, params) => {
  await deleteTrace(actor, identifierParam("trace", params.trace));
  return new Response(null, { status: 204 });
});
