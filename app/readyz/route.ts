import { checkReadiness } from "@/lib/db/readiness";
import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";

// Readiness for load balancers and orchestrators: 200 when the database answers
// and has every migration applied, else 503 saying which. No auth; proxy.ts
// leaves it alone.
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  if (readiness.ready) {
    return Response.json({ status: "ready", database: "ok", migrations: { applied: readiness.applied, pending: 0 } }, { headers: { "cache-control": "no-store" } });
  }
  const { reason, message, pending } = readiness;
  const body = { status: "unavailable", reason, detail: message, ...(pending ? { migrations: { pending: pending.length, names: pending } } : {}) };
  return Response.json(body, { status: 503, headers: { "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS) } });
}
