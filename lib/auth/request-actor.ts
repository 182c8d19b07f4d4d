import { UnauthorizedError } from "@/lib/errors";
import { actorForApiKey } from "./api-keys";
import { authDisabled, localAdminActor } from "./local-mode";
import type { Actor } from "./permissions";
import { apiKeyLimiter } from "./rate-limit";
import { RateLimitedError } from "./sessions";

function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0].trim() || request.headers.get("x-real-ip") || "local";
}

/** The actor of a REST request: `Authorization: Bearer <key>` (what Phoenix clients send). */
export async function actorFromRequest(request: Request): Promise<Actor> {
  if (authDisabled()) return localAdminActor();
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new UnauthorizedError("Missing API key: send Authorization: Bearer <key>.");
  const address = clientAddress(request);
  const wait = apiKeyLimiter.retryAfter(address);
  if (wait > 0) throw new RateLimitedError(wait);
  const actor = await actorForApiKey(match[1]);
  if (!actor) {
    apiKeyLimiter.fail(address);
    throw new UnauthorizedError("Invalid or revoked API key.");
  }
  return actor;
}
