import { z } from "zod";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { authorize, can, type Actor } from "./permissions";
import { newSecret, sha256 } from "./secrets";
import { actorForUser } from "./sessions";
import { roles } from "./users";

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
}

// last_used_at is written at most once a minute per key, so a busy client
// does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function actorForApiKey(secret: string): Promise<Actor | null> {
  const key = await prisma.apiKey.findUnique({
    where: { keyHash: sha256(secret) },
    select: {
      id: true, name: true, role: true, revokedAt: true, lastUsedAt: true,
      user: { select: { id: true, name: true, email: true, role: true, deactivatedAt: true } },
    },
  });
  if (!key || key.revokedAt || key.user?.deactivatedAt) return null;
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  if (key.user) return actorForUser(key.user);
  return { kind: "system-key", userId: null, name: key.name, email: null, role: key.role, identifier: "" };
}
