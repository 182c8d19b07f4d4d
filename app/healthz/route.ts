// Liveness for load balancers and orchestrators: the process is up and serving.
// It touches no database (that is /readyz), so an outage never gets the
// process restarted. No auth; proxy.ts leaves it alone.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
