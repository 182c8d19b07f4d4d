import { apiRoute } from "@/lib/api/handler";
import { identifierParam } from "@/lib/api/identifier-param";
import { deleteSpan } from "@/lib/deletion/delete-targets";

// Phoenix: DELETE /v1/spans/{span_identifier} (OTel span id or Span GlobalID) → 204.
// Only the span goes: its children stay, orphaned (Phoenix's contract).
export const DELETE = apiRoute<{ span: string }>(async (_request, actor, params) => {
  await deleteSpan(actor, identifierParam("span", params.span));
  return new Response(null, { status: 204 });
});
