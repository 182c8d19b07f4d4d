import { PHOENIX_SERVER_VERSION } from "@/lib/api/handler";

// Phoenix clients read the server version (no auth) to decide which routes they may call.
export function GET() {
  return new Response(PHOENIX_SERVER_VERSION, { headers: { "content-type": "text/plain" } });
}
