import { prisma } from "@/lib/db";
import { DomainError, UnauthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { reviewerIdentifier, type Actor } from "./permissions";
import { countAttempt, forgiveAttempt, retryAfter, signInBackoffMs, signInBuckets } from "./rate-limit";
import { newSecret, sha256, verifyPassword } from "./secrets";

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
// The same words for an unknown email and a wrong password: nothing to guess from.
export const BAD_CREDENTIALS = "Email or password is incorrect.";

type UserForActor = { id: string; name: string; email: string; role: Role };

export const actorForUser = (user: UserForActor): Actor => ({
  kind: "user",
  userId: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  identifier: reviewerIdentifier(user.id),
});

/** 429 with Retry-After over the API; the message on the sign-in form. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, 429);
  }
}

/**
 * Checks the password and opens a session; returns the cookie token. The
 * attempt is counted before the password is checked (and taken back when it
 * was right), so parallel guesses are limited like sequential ones.
 */
export async function signIn(email: string, password: string, client: { address: string; userAgent?: string }) {
  const normalized = email.trim().toLowerCase();
  const buckets = signInBuckets(normalized, client.address);
  const [pair, address, perEmail] = await countAttempt([buckets.pair, buckets.address, buckets.email]);
  const wait = retryAfter([pair, address]);
  if (wait > 0) throw new RateLimitedError(wait);
  // Slows down guessing an email from many addresses, without locking anyone out.
  const backoff = signInBackoffMs(perEmail.count - 1);
  if (backoff > 0) await new Promise((resolve) => setTimeout(resolve, backoff));

  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { id: true, passwordHash: true, deactivatedAt: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !valid || user.deactivatedAt) throw new UnauthorizedError(BAD_CREDENTIALS);
  await forgiveAttempt({ clear: [buckets.pair.key], decrement: [buckets.address.key, buckets.email.key] });
  return openSession(user.id, client.userAgent);
}

export async function openSession(userId: string, userAgent?: string) {
  const token = newSecret("mgs_");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await prisma.authSession.create({ data: { tokenHash: sha256(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) } });
  return { token, expiresAt };
}

// Every page request runs this (root layout, then the page): one statement with
// the user joined, where Prisma's relation select sends two, one after the other.
export async function actorForSessionToken(token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const [row] = await prisma.$queryRaw<(UserForActor & { expiresAt: Date; deactivatedAt: Date | null })[]>`
    SELECT u.id, u.name, u.email, u.role::text AS role, u.deactivated_at AS "deactivatedAt", s.expires_at AS "expiresAt"
    FROM auth_sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ${sha256(token)}`;
  if (!row || row.expiresAt < new Date() || row.deactivatedAt) return null;
  return actorForUser(row);
}

export async function signOut(token: string | undefined) {
  if (token) await prisma.authSession.deleteMany({ where: { tokenHash: sha256(token) } });
}
