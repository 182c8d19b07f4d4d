import { z } from "zod";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { authorize, can, type Actor } from "./permissions";
import { newSecret, sha256 } from "./secrets";
import { forgetRecentKeys, recentKey, rememberKey } from "./key-cache";
import { actorForUser } from "./sessions";
import { roles } from "./roles";

export const newApiKeySchema = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  // A system key belongs to no user and acts with its own role (admins only).
  system: z.boolean().default(false),
  role: z.enum(roles).default("REVIEWER"),
});

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  owner: { id: string; name: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const keySelect = {
  id: true, name: true, prefix: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true,
  user: { select: { id: true, name: true } },
} as const;

type SelectedKey = Omit<ApiKeyRow, "owner"> & { user: { id: string; name: string } | null };
const toRow = ({ user, ...key }: SelectedKey): ApiKeyRow => ({ ...key, owner: user });

/** Returns the secret once; only its hash is kept. */
export async function createApiKey(actor: Actor | null, input: z.input<typeof newApiKeySchema>) {
  const data = newApiKeySchema.parse(input);
  authorize(actor, data.system ? "manage-system-keys" : "manage-own-keys");
  if (!actor.userId) throw new NotFoundError("This actor has no user to own a key.");
  const secret = newSecret("mg_");
  const key = await prisma.apiKey.create({
    data: {
      name: data.name,
      prefix: secret.slice(0, 10),
      keyHash: sha256(secret),
      userId: data.system ? null : actor.userId,
      role: data.system ? data.role : actor.role,
      createdById: actor.userId,
    },
    select: keySelect,
  });
  return { secret, key: toRow(key) };
}

/** Your own keys; admins see every key. */
export async function listApiKeys(actor: Actor | null): Promise<ApiKeyRow[]> {
  authorize(actor, "manage-own-keys");
  const where = can(actor, "manage-system-keys") ? {} : { userId: actor.userId };
  const keys = await prisma.apiKey.findMany({ where, select: keySelect, orderBy: { createdAt: "desc" } });
  return keys.map(toRow);
}

export async function revokeApiKey(actor: Actor | null, keyId: string): Promise<void> {
  authorize(actor, "manage-own-keys");
  const scope = can(actor, "manage-system-keys") ? {} : { userId: actor.userId };
  const { count } = await prisma.apiKey.updateMany({ where: { id: keyId, revokedAt: null, ...scope }, data: { revokedAt: new Date() } });
  if (count === 0) throw new NotFoundError(`API key ${keyId} does not exist or is already revoked.`);
  forgetRecentKeys();
}

// last_used_at is written at most once a minute per key, so a busy client
// does not turn every read into a write.
const LAST_USED_RESOLUTION_SECONDS = 60;

// The cache of recently valid keys (key-cache.ts). Revoking, changing a role or
// deactivating a user clears this process's copy at once; the database tells
// the other processes (NOTIFY marginalia_auth).
export { forgetRecentKeys };

type KeyLookup = {
  name: string; role: Role; valid: boolean;
  userId: string | null; userName: string | null; email: string | null; userRole: Role | null;
};

/**
 * The actor a key acts as, or null when it is unknown, revoked or its owner
 * deactivated. At most one round trip: the lookup and the occasional
 * last_used_at bump are one statement (a data-modifying WITH runs whether or
 * not the final SELECT refers to it).
 */
export async function actorForApiKey(secret: string): Promise<Actor | null> {
  const hash = sha256(secret);
  const recent = recentKey(hash);
  if (recent.actor) return recent.actor;
  const actor = await lookUpKey(hash);
  rememberKey(hash, actor, recent.generation);
  return actor;
}

async function lookUpKey(hash: string): Promise<Actor | null> {
  const [key] = await prisma.$queryRaw<KeyLookup[]>`
    WITH found AS (
      SELECT k.id, k.name, k.role, u.id AS user_id, u.name AS user_name, u.email, u.role AS user_role,
        k.revoked_at IS NULL AND u.deactivated_at IS NULL AS valid, k.last_used_at
      FROM api_keys k LEFT JOIN users u ON u.id = k.user_id
      WHERE k.key_hash = ${hash}
    ),
    touched AS (
      UPDATE api_keys SET last_used_at = now()
      WHERE id IN (SELECT id FROM found WHERE valid AND (last_used_at IS NULL
        OR last_used_at < now() - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS})))
      RETURNING id
    )
    SELECT name, role::text AS role, valid, user_id::text AS "userId", user_name AS "userName", email,
      user_role::text AS "userRole"
    FROM found`;
  if (!key?.valid) return null;
  if (key.userId) return actorForUser({ id: key.userId, name: key.userName!, email: key.email!, role: key.userRole! });
  return { kind: "system-key", userId: null, name: key.name, email: null, role: key.role, identifier: "" };
}
