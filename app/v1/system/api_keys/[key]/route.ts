import { apiRoute } from "@/lib/api/handler";
import { parseSystemKeyId } from "@/lib/api/system-key-id";
import { authorize } from "@/lib/auth/permissions";
import { revokeSystemApiKey } from "@/lib/auth/system-api-keys";

// Phoenix: DELETE /v1/system/api_keys/{GlobalID} → 204; the key stops working at once.
export const DELETE = apiRoute<{ key: string }>(async (_request, actor, params) => {
  authorize(actor, "manage-system-keys");
  await revokeSystemApiKey(actor, parseSystemKeyId(params.key));
  return new Response(null, { status: 204 });
});
