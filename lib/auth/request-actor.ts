import { UnauthorizedError } from "@/lib/errors";
import { actorForApiKey } from "./api-keys";
import { clientAddress } from "./client-address";
import { authDisabled, localAdminActor } from "./local-mode";
import type { Actor } from "./permissions";
import { apiKeyBucket, countAttempt } from "./rate-limit";
import { RateLimitedError } from "./sessions";

/**
 * The actor of a REST request: `Authorization: Bearer <key>` (what Phoenix clients send).
 *
 * The key is looked up before any limit is consulted, and only failed lookups
 * count, so a valid key is never refused however many bad keys came from its
 * address (a shared NAT, a neighbour's broken script). An address past its
 * limit gets 429 instead of 401 for bad keys, and the very same answers as
 * anyone else for good ones. Refusing over-limit requests before the lookup
 * would lock valid keys out, and refusing only keys missing from the
 * in-process cache would tell a guesser which keys were recently in use.
 * The limit cannot make guessing harder than it is (keys are 256 random
 * bits); it marks floods of bad keys and tells careless clients to back off.
 */
export async function actorFromRequest(request: Request): Promise<Actor> {
  if (authDisabled()) return localAdminActor();
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new UnauthorizedError("Missing API key: send Authorization: Bearer <key>.");
  const actor = await actorForApiKey(match[1]);
  if (actor) return actor;
  const [failures] = await countAttempt([apiKeyBucket(clientAddress(request.headers))]);
  if (failures.over) throw new RateLimitedError(failures.retryAfterSeconds);
  throw new UnauthorizedError("Invalid or revoked API key.");
}
