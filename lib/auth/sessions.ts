import { prisma } from "@/lib/db";
import { UnauthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { reviewerIdentifier, type Actor } from "./permissions";
import { signInAddressLimiter, signInEmailLimiter } from "./rate-limit";
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

export class RateLimitedError extends UnauthorizedError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
  }
}

/** Checks the password and opens a session; returns the cookie token. */
export async function signIn(email: string, password: string, client: { address: string; userAgent?: string }) {
  const normalized = email.trim().toLowerCase();
  const wait = Math.max(signInEmailLimiter.retryAfter(normalized), signInAddressLimiter.retryAfter(client.address));
  if (wait > 0) throw new RateLimitedError(wait);

  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { id: true, passwordHash: true, deactivatedAt: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !valid || user.deactivatedAt) {
    signInEmailLimiter.fail(normalized);
    signInAddressLimiter.fail(client.address);
    throw new UnauthorizedError(BAD_CREDENTIALS);
  }
  signInEmailLimiter.reset(normalized);
  return openSession(user.id, client.userAgent);
}

export async function openSession(userId: string, userAgent?: string) {
  const token = newSecret("mgs_");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await prisma.authSession.create({ data: { tokenHash: sha256(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) } });
  return { token, expiresAt };
}

export async function actorForSessionToken(token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const session = await prisma.authSession.findUnique({
    where: { tokenHash: sha256(token) },
    select: { expiresAt: true, user: { select: { id: true, name: true, email: true, role: true, deactivatedAt: true } } },
  });
  if (!session || session.expiresAt < new Date() || session.user.deactivatedAt) return null;
  return actorForUser(session.user);
}

export async function signOut(token: string | undefined) {
  if (token) await prisma.authSession.deleteMany({ where: { tokenHash: sha256(token) } });
}
